using System.Security.Cryptography;
using ReproGet.Core.Cache;
using ReproGet.Core.Hashing;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Core.Tests.Cache;

/// <summary>Several real <c>repro-get</c> processes on one cache: no corruption, no stray temp files, clean waits.</summary>
[Trait("Category", "Integration")]
public sealed class SharedCacheProcessTests
{
    [Fact]
    public async Task TwoDownloadsOfOneLockfileAtOnceBothSucceedWithIntactBlobs()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        using var dir = new TempDirectory();
        var lockfile = new System.Text.StringBuilder();
        var digests = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            var content = new byte[512 * 1024];
            new Random(i).NextBytes(content);
            // Half the files break mid-body once, so partial temp files of one process exist while the other commits.
            server.Serve($"/pool/f{i:00}.bin", content, i % 2 == 0 ? Misbehaviour.BreakThenResume : Misbehaviour.None);
            digests.Add(Convert.ToHexStringLower(SHA256.HashData(content)));
            lockfile.Append(digests[^1]).Append("  pool/f").Append(i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append(".bin\n");
        }
        var lockPath = dir.WriteFile("SHA256SUMS", lockfile.ToString());
        var cache = dir.Combine("cache");
        string[] arguments = ["--distro", "none", "--cache", cache, "--provider", server.BaseUrl + "/{{.Name}}", "download", lockPath];

        using var first = ReproGetProcess.Start(arguments);
        using var second = ReproGetProcess.Start(arguments);
        await Task.WhenAll(first.WaitForExitAsync(), second.WaitForExitAsync());

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var blobs = Path.Combine(cache, "blobs", "sha256");
        Assert.Equal(digests.Order(StringComparer.Ordinal), Directory.EnumerateFiles(blobs).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var hex in digests)
        {
            Assert.Equal(hex, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(blobs, hex)))));
        }
        Assert.Empty(Directory.EnumerateFiles(cache, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CacheCleanWaitsUntilNoOtherProcessUsesTheCache()
    {
        using var dir = new TempDirectory();
        var root = dir.Combine("cache");
        var bytes = "in use"u8.ToArray();
        var digest = Sha256Digest.FromBytes(SHA256.HashData(bytes));
        var user = ContentCache.Open(root);
        try
        {
            await using (var pending = user.BeginWrite())
            {
                await pending.WriteAsync(bytes, CancellationToken.None);
                await pending.CommitAsync(digest, "x.bin", "test", CancellationToken.None);
            }

            using var clean = ReproGetProcess.Start(["--cache", root, "cache", "clean"]);
            Assert.True(await clean.WaitForStandardErrorAsync("removing the contents"), clean.ToString());
            // Time enough to delete a one-blob cache many times over, had it not waited for the lock.
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(clean.HasExited, clean.ToString());
            Assert.True(user.Contains(digest));

            user.Dispose();
            Assert.True(await clean.WaitForExitAsync() == 0, clean.ToString());
            Assert.False(File.Exists(Path.Combine(root, "blobs", "sha256", digest.Hex)));
        }
        finally
        {
            user.Dispose();
        }
    }
}
