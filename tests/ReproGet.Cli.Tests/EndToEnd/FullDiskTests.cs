using System.Security.Cryptography;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Cli.Tests.EndToEnd;

/// <summary>A cache on a real filesystem that fills up mid-download: a 1 MiB tmpfs mounted for the test (needs root, as the suite does).</summary>
[Trait("Category", "Integration")]
public sealed class FullDiskTests
{
    [Fact]
    public async Task A_full_disk_stops_the_fetch_at_once_and_keeps_what_was_verified()
    {
        var big = new byte[3 << 20];
        new Random(3).NextBytes(big);
        var bigSha256 = Convert.ToHexStringLower(SHA256.HashData(big));
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Serve("/pool/" + DebFixture.Hello.Basename, DebFixture.Hello.Bytes);
        server.Serve("/pool/zz-big.bin", big);
        using var temp = new TempDirectory();
        using var small = SmallFilesystem.Mount(temp.Combine("small"), "1m");
        var cache = Path.Combine(small.Path, "cache");
        var lockfile = temp.WriteFile("SHA256SUMS", $"{DebFixture.Hello.LockLine}{bigSha256}  zz-big.bin\n");

        // One at a time, in name order: the small package is verified and cached before the big file fills the disk.
        var run = await CliRun.InCacheAsync(cache, "--provider", server.BaseUrl + "/pool/{{.Name}}", "download", "--jobs", "1", lockfile);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"cannot write to the cache {cache}: No space left on device", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("--cache", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("retrying", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(DebFixture.Hello.Bytes, File.ReadAllBytes(Path.Combine(cache, "blobs", "sha256", DebFixture.Hello.Sha256)));
        Assert.False(File.Exists(Path.Combine(cache, "blobs", "sha256", bigSha256)));
        Assert.Empty(Directory.EnumerateFiles(cache, "*.tmp", SearchOption.AllDirectories));
    }
}
