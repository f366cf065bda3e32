using System.Text.Json;
using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.EndToEnd;

public sealed class CacheCommandTests
{
    [Fact]
    public async Task ImportOfARelativePathImportsItAndPrintsHashLines()
    {
        using var temp = new TempDirectory();
        temp.WriteFile("debs/" + DebFixture.Hello.Basename, DebFixture.Hello.Bytes);
        temp.WriteFile("debs/sub/" + DebFixture.Neofetch.Basename, DebFixture.Neofetch.Bytes);
        // The child runs in the test's working directory; the Go tool imported nothing for any relative path.
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, temp.Combine("debs"));
        Assert.False(Path.IsPathRooted(relative));

        var run = await CliRun.InCacheAsync(temp.Combine("cache"), "cache", "import", relative);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(DebFixture.Hello.LockLine + DebFixture.Neofetch.LockLine, run.StandardOutput);
        Assert.Equal(DebFixture.Hello.Bytes, File.ReadAllBytes(temp.Combine("cache", "blobs", "sha256", DebFixture.Hello.Sha256)));
        Assert.Equal(DebFixture.Neofetch.Bytes, File.ReadAllBytes(temp.Combine("cache", "blobs", "sha256", DebFixture.Neofetch.Sha256)));
    }

    [Fact]
    public async Task ImportOfAMissingPathFailsAndNamesIt()
    {
        using var temp = new TempDirectory();
        var present = temp.WriteFile(DebFixture.Hello.Basename, DebFixture.Hello.Bytes);

        var run = await CliRun.InCacheAsync(temp.Combine("cache"), "cache", "import", present, temp.Combine("no-such.deb"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no-such.deb", run.StandardError, StringComparison.Ordinal);
        // What could be imported was, and said so.
        Assert.Equal(DebFixture.Hello.LockLine, run.StandardOutput);
    }

    [Fact]
    public async Task ImportOfADirectoryHoldingAFifoNamesItImportsTheRestAndFails()
    {
        using var temp = new TempDirectory();
        temp.WriteFile("debs/" + DebFixture.Hello.Basename, DebFixture.Hello.Bytes);
        var fifo = temp.Combine("debs", "pipe.deb");
        RealTool.Run("mkfifo", fifo);
        // A liveness guard, not a speed limit: an import that opens the FIFO waits for a writer forever.
        using var generous = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var run = ReproGetProcess.Start(["--cache", temp.Combine("cache"), "--distro", "none", "cache", "import", temp.Combine("debs")]);

        await run.WaitForExitAsync(generous.Token);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(DebFixture.Hello.LockLine, run.StandardOutput);
        Assert.Contains($"cannot import \"{fifo}\": not a regular file (a FIFO)", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsJsonShowsHashSizeAndBasename()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        await ImportAsync(temp, cache, DebFixture.Hello, DebFixture.Neofetch);

        var run = await CliRun.InCacheAsync(cache, "cache", "ls", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StandardOutput);
        var blobs = json.RootElement.EnumerateArray()
            .Select(b => (b.GetProperty("SHA256").GetString(), b.GetProperty("Size").GetInt64(), b.GetProperty("Basename").GetString()))
            .OrderBy(b => b.Item3, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                (DebFixture.Hello.Sha256, DebFixture.Hello.Bytes.LongLength, DebFixture.Hello.Basename),
                (DebFixture.Neofetch.Sha256, DebFixture.Neofetch.Bytes.LongLength, DebFixture.Neofetch.Basename),
            ],
            blobs);
    }

    [Fact]
    public async Task ExportCopiesBlobsOutUnderTheirBasenames()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        await ImportAsync(temp, cache, DebFixture.Hello, DebFixture.Neofetch);
        var target = temp.Combine("exported");

        var run = await CliRun.InCacheAsync(cache, "cache", "export", target);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(DebFixture.Hello.LockLine + DebFixture.Neofetch.LockLine, run.StandardOutput);
        Assert.Equal(DebFixture.Hello.Bytes, File.ReadAllBytes(Path.Combine(target, DebFixture.Hello.Basename)));
        Assert.Equal(DebFixture.Neofetch.Bytes, File.ReadAllBytes(Path.Combine(target, DebFixture.Neofetch.Basename)));
    }

    [Fact]
    public async Task VerifyRemovesACorruptedBlobAndExitsOne()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        await ImportAsync(temp, cache, DebFixture.Hello, DebFixture.Neofetch);
        var corrupted = temp.Combine("cache", "blobs", "sha256", DebFixture.Hello.Sha256);
        var bytes = File.ReadAllBytes(corrupted);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(corrupted, bytes);

        var run = await CliRun.InCacheAsync(cache, "cache", "verify");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(DebFixture.Hello.Sha256, run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(corrupted), "the corrupt blob must be removed");
        Assert.True(File.Exists(temp.Combine("cache", "blobs", "sha256", DebFixture.Neofetch.Sha256)), "the good blob must stay");

        var again = await CliRun.InCacheAsync(cache, "cache", "verify");
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    private static async Task ImportAsync(TempDirectory temp, string cache, params DebFixture[] debs)
    {
        var paths = debs.Select(d => temp.WriteFile("import/" + d.Basename, d.Bytes)).ToArray();
        var run = await CliRun.InCacheAsync(cache, ["cache", "import", .. paths]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }
}
