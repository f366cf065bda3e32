using System.Security.Cryptography;
using ReproGet.Core.Hashing;
using ReproGet.Core.Processes;
using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.Published;

/// <summary>On the host, where both exist, the published binary must get the same digests from libgcrypt as from OpenSSL.</summary>
[Trait("Category", "Integration")]
public sealed class Sha256BackendTests
{
    [Theory]
    [InlineData("gcrypt", "Gcrypt")]
    [InlineData("openssl", "OpenSsl")]
    public async Task CacheImportGivesTheDigestsDotNetComputes(string backend, string reported)
    {
        using var temp = new TempDirectory();
        var binary = temp.Combine("repro-get");
        await PublishedBinary.CopyToAsync(binary);
        // Sizes around the 128 KiB read buffer and a multi-megabyte one, so block boundaries are crossed.
        var files = new[] { 0, 1, 55, 64, (1 << 17) - 1, 1 << 17, (1 << 17) + 1, 5_000_003 }
            .Select(size => (Name: $"f{size:D8}.bin", Bytes: RandomNumberGenerator.GetBytes(size)))
            .ToList();
        foreach (var (name, bytes) in files)
        {
            temp.WriteFile("in/" + name, bytes);
        }

        var info = await RunAsync(backend, binary, "--distro", "none", "info", "--json");
        var run = await RunAsync(backend, binary, "--cache", temp.Combine("cache"), "cache", "import", temp.Combine("in"));

        Assert.Contains($"\"Sha256Backend\": \"{reported}\"", info.StandardOutput, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.StandardError);
        var expected = string.Concat(files.Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(f.Bytes))}  {f.Name}\n"));
        Assert.Equal(expected, run.StandardOutput);
    }

    private static Task<ProcessResult> RunAsync(string backend, string binary, params string[] arguments) =>
        ProcessRunner.RunAsync("env", [$"{Sha256Backend.EnvironmentVariable}={backend}", binary, .. arguments],
            CancellationToken.None, throwOnFailure: false);
}
