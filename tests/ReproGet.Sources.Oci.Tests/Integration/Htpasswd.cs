using ReproGet.Core.Processes;

namespace ReproGet.Sources.Oci.Tests.Integration;

/// <summary>An htpasswd file made by the real <c>htpasswd -B</c> (the registry accepts only bcrypt entries).</summary>
internal static class Htpasswd
{
    public const string Binary = "/usr/bin/htpasswd";

    public static async Task<string> CreateAsync(string path, string user, string password)
    {
        Assert.True(File.Exists(Binary), "htpasswd is missing: install the Debian package apache2-utils via scripts/bootstrap");
        var result = await ProcessRunner.RunAsync(Binary, ["-Bbn", user, password], CancellationToken.None);
        await File.WriteAllTextAsync(path, result.StandardOutput);
        return path;
    }
}
