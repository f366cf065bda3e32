using System.Reflection;
using ReproGet.Core.Fetching;
using ReproGet.Sources.Files;
using ReproGet.Sources.Http;

namespace ReproGet.Cli;

/// <summary>The one place blob sources are listed, by scheme.</summary>
public static class SourceCatalog
{
    public static string Version { get; } =
        typeof(SourceCatalog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "(unknown)";

    public static IReadOnlyList<string> Schemes { get; } = ["http", "https", "file"];

    public static BlobSourceSet Create(FetchOptions options) => new(
    [
        new HttpBlobSource(HttpClientFactory.Create(options, $"repro-get/{Version}")),
        new FileBlobSource(),
    ]);
}
