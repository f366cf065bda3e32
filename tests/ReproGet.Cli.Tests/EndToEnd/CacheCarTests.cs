using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.EndToEnd;

/// <summary><c>cache export --car FILE LOCKFILE...</c> and <c>cache import FILE.car</c>, the spellings issue 5 names.</summary>
public sealed class CacheCarTests
{
    // The CIDv0 the repro-get README publishes for hello 2.10-2.
    private const string HelloCid = "QmRY19HEWeTJtRC6vAdz7rDfX3PjSMgXmd1KYi9guAACUj";

    [Fact]
    public async Task ExportAsCarThenImportIntoAFreshCacheGivesBackTheLockedFiles()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var lockfile = temp.WriteFile("SHA256SUMS",
            $"{DebFixture.Hello.Sha256}  pool/main/h/hello/{DebFixture.Hello.Basename}\n"
            + $"{DebFixture.Neofetch.Sha256}  pool/main/n/neofetch/{DebFixture.Neofetch.Basename}\n");
        var imported = await CliRun.InCacheAsync(cache, "cache", "import",
            temp.WriteFile("in/" + DebFixture.Hello.Basename, DebFixture.Hello.Bytes),
            temp.WriteFile("in/" + DebFixture.Neofetch.Basename, DebFixture.Neofetch.Bytes));
        Assert.True(imported.ExitCode == 0, imported.ToString());
        var car = temp.Combine("debs.car");

        var export = await CliRun.InCacheAsync(cache, "cache", "export", "--car", car, lockfile);
        var fresh = temp.Combine("fresh");
        var import = await CliRun.InCacheAsync(fresh, "cache", "import", car);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains($"{DebFixture.Hello.Sha256}  /ipfs/{HelloCid}", export.StandardOutput, StringComparison.Ordinal);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(DebFixture.Hello.Bytes, File.ReadAllBytes(Path.Combine(fresh, "blobs", "sha256", DebFixture.Hello.Sha256)));
        Assert.Equal(DebFixture.Neofetch.Bytes, File.ReadAllBytes(Path.Combine(fresh, "blobs", "sha256", DebFixture.Neofetch.Sha256)));
    }

    [Fact]
    public async Task ExportWithoutCarTakesExactlyOneDirectory()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InCacheAsync(temp.Combine("cache"), "cache", "export", temp.Combine("a"), temp.Combine("b"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--car", run.StandardError, StringComparison.Ordinal);
    }
}
