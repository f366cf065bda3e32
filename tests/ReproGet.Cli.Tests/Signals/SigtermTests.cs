using Xunit.Abstractions;

namespace ReproGet.Cli.Tests.Signals;

/// <summary>
/// Issue 17: SIGTERM during each long operation of the published binary stops it within 2 s, with exit code 143
/// (128 + 15), and leaves nothing partial: no temp file in the cache, no half bundle, no blob that was not verified.
/// Each run is first seen busy (reading the big blob, or talking to a slow server), then signalled.
/// </summary>
[Trait("Category", "Integration")]
[Collection(BusyRunCollection.Name)]
public sealed class SigtermTests(BusyRunFixture fixture, ITestOutputHelper output)
{
    // The promise, counted from before kill(1) starts. The process itself gives up unwinding after 1.5 s.
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(2);

    // Far more than a loaded machine needs to start the binary and reach the busy part.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private const long Busy = 256L << 20;

    [Fact]
    public async Task Download()
    {
        var cache = fixture.NewDirectory("cache");
        using var run = fixture.Start("--distro", "none", "--cache", cache, "--provider", fixture.Provider, "download", fixture.TrickleLock);

        await StopsAsync(run, () => fixture.Server.RequestCount(BusyRunFixture.TricklePath) > 0, "the trickling download");

        AssertNothingPartialIn(cache);
    }

    [Fact]
    public async Task Install()
    {
        var cache = fixture.NewDirectory("cache");
        var root = fixture.NewDirectory("root");
        Directory.CreateDirectory(Path.Combine(root, "var", "lib", "dpkg"));
        File.WriteAllText(Path.Combine(root, "var", "lib", "dpkg", "status"), "");
        var before = fixture.Server.RequestCount(BusyRunFixture.TricklePath);
        using var run = fixture.Start("--distro", "debian", "--root", root, "--cache", cache, "--provider", fixture.Provider,
            "install", fixture.TrickleLock);

        await StopsAsync(run, () => fixture.Server.RequestCount(BusyRunFixture.TricklePath) > before, "the trickling download");

        AssertNothingPartialIn(cache);
        Assert.Equal("", File.ReadAllText(Path.Combine(root, "var", "lib", "dpkg", "status")));
    }

    [Fact]
    public async Task Bundle()
    {
        var output = fixture.NewDirectory("bundle");
        using var run = fixture.Start("--distro", "debian", "--cache", fixture.BigCache, "bundle", fixture.BigLock, "-o", output);

        await StopsAsync(run, () => run.BytesRead > Busy, "copying the big blob");

        Assert.False(Directory.Exists(output), "no half bundle: the folder the run made is gone");
        AssertNothingPartialIn(fixture.BigCache);
    }

    [Fact]
    public async Task OciPush()
    {
        var repository = "signals/" + Guid.NewGuid().ToString("N");
        using var run = fixture.Start("--distro", "none", "--cache", fixture.BigCache, "oci", "push",
            $"oci+http://{fixture.Uploads.Authority}/{repository}:test", fixture.BigLock);

        await StopsAsync(run, () => fixture.Uploads.BytesReceived($"/v2/{repository}/") > 0, "uploading to the slow registry");

        AssertNothingPartialIn(fixture.BigCache);
    }

    [Fact]
    public async Task IpfsPush()
    {
        var lockfile = Path.Combine(fixture.NewDirectory("ipfs"), "SHA256SUMS");
        Directory.CreateDirectory(Path.GetDirectoryName(lockfile)!);
        File.Copy(fixture.BigLock, lockfile);
        using var run = fixture.Start("--distro", "none", "--cache", fixture.BigCache, "ipfs", "push", "--api", fixture.Uploads.BaseUrl, lockfile);

        // Only this test talks to the node's RPC API; the node never answers.
        await StopsAsync(run, () => fixture.Uploads.Requests("/api/v0/") > 0, "waiting for the slow IPFS node");

        Assert.Equal(File.ReadAllText(fixture.BigLock), File.ReadAllText(lockfile));
        AssertNothingPartialIn(fixture.BigCache);
    }

    [Fact]
    public async Task CacheImport()
    {
        var cache = fixture.NewDirectory("cache");
        using var run = fixture.Start("--distro", "none", "--cache", cache, "cache", "import", fixture.BigFile);

        await StopsAsync(run, () => run.BytesRead > Busy, "importing the big file");

        AssertNothingPartialIn(cache);
        Assert.False(File.Exists(Path.Combine(cache, "blobs", "sha256", BusyRunFixture.BigSha256)));
    }

    [Fact]
    public async Task CacheVerify()
    {
        using var run = fixture.Start("--distro", "none", "--cache", fixture.BigCache, "cache", "verify");

        await StopsAsync(run, () => run.BytesRead > Busy, "hashing the big blob");

        AssertNothingPartialIn(fixture.BigCache);
        Assert.Equal(BusyRunFixture.BigSize, new FileInfo(Path.Combine(fixture.BigCache, "blobs", "sha256", BusyRunFixture.BigSha256)).Length);
    }

    private async Task StopsAsync(RunningBinary run, Func<bool> busy, string what)
    {
        await run.WaitUntilAsync(busy, what, Patience);

        var took = await run.SignalAndWaitAsync("TERM", Patience);
        output.WriteLine($"SIGTERM during {what}: exit {run.ExitCode} after {took.TotalSeconds:0.000} s");

        Assert.True(run.ExitCode == 143, $"exit {run.ExitCode} after SIGTERM, want 143:\n{run.StandardError}");
        Assert.True(took <= Promised, $"took {took.TotalSeconds:0.00} s to exit after SIGTERM during {what}:\n{run.StandardError}");
        Assert.Contains("interrupted", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("did not stop", run.StandardError, StringComparison.Ordinal);
    }

    private static void AssertNothingPartialIn(string cache)
    {
        if (!Directory.Exists(cache))
        {
            return;
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(cache, "*.tmp", SearchOption.AllDirectories));
        var blobs = Path.Combine(cache, "blobs", "sha256");
        var unexpected = Directory.Exists(blobs)
            ? Directory.EnumerateFiles(blobs).Select(Path.GetFileName).Where(n => n != BusyRunFixture.BigSha256).ToList()
            : [];
        Assert.Empty(unexpected);
    }
}
