using System.Reflection;
using ReproGet.Core.Distros;
using ReproGet.Core.Fetching;
using ReproGet.Core.Operations.CacheTransfer;
using ReproGet.Core.Providers;
using ReproGet.Sources.Files;
using ReproGet.Sources.Http;
using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.Gateway;
using ReproGet.Sources.Ipfs.UnixFs;
using ReproGet.Sources.Oci;

namespace ReproGet.Cli;

/// <summary>The one place blob sources are listed, by scheme.</summary>
internal static class SourceCatalog
{
    public static string Version { get; } =
        typeof(SourceCatalog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "(unknown)";

    public static IReadOnlyList<string> Schemes { get; } = ["http", "https", "file", .. OciSchemes.All];

    /// <summary>Every source; <paramref name="log"/> gets their warnings (an OCI provider's ignored tag).</summary>
    public static BlobSourceSet Create(FetchOptions options, IStatusLog? log)
    {
        var http = CreateHttpClient(options);
        return new(
        [
            // IPFS gateway URLs (/ipfs/<CID>) are fetched block-verified; every other http(s) URL passes through.
            new IpfsGatewaySource(http, new HttpBlobSource(http), options.StallTimeout, log),
            new FileBlobSource(),
            new OciBlobSource(CreateRegistryClient(http), log),
        ]);
    }

    public static HttpClient CreateHttpClient(FetchOptions options) => HttpClientFactory.Create(options, $"repro-get/{Version}");

    /// <summary>CAR files of locked blobs (bundle --car, cache export/import, ipfs car), laid out as <c>ipfs add</c> does by default unless told otherwise.</summary>
    public static ICarArchive CarFiles(UnixFsImportOptions? layout = null) => new CarArchive(layout ?? UnixFsImportOptions.KuboDefault);

    /// <summary>The OCI client, with the user's docker/podman credentials.</summary>
    public static RegistryClient CreateRegistryClient(HttpClient http) => new(http, CredentialStore.FromEnvironment());
}
