using ReproGet.Cli.Tests.EndToEnd;
using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.Rebuilders;

/// <summary>
/// The rebuilder quorum end to end: repro-get (in this process) against three rebuilderd-shaped instances serving links
/// made by Debian's in-toto tools, installing with the real dpkg into a test root.
/// </summary>
[Trait("Category", "Integration")]
[Collection(RebuilderFarm.Collection)]
public sealed class RebuilderQuorumTests(RebuilderFarm farm)
{
    private string[] Quorum(int threshold, params string[] rebuilders) => farm.Quorum(threshold, rebuilders);

    private static string NewRoot(TempDirectory temp)
    {
        var root = temp.Combine("root");
        foreach (var dir in new[] { "var/lib/dpkg/updates", "var/lib/dpkg/info", "var/lib/dpkg/triggers", "usr/share" })
        {
            Directory.CreateDirectory(Path.Combine(root, dir));
        }
        File.WriteAllText(Path.Combine(root, "var/lib/dpkg/status"), "");
        File.WriteAllText(Path.Combine(root, "var/lib/dpkg/available"), "");
        return root;
    }

    private static Task<CliResult> Install(string cache, string root, string provider, string lockfile, string[] quorum) =>
        CliRun.RunAsync(["--cache", cache, "--root", root, "--distro", "debian", "--provider", provider, "install", lockfile, .. quorum]);

    [Fact]
    public async Task TwoOfThreeAttestingAtThresholdTwoIsInstalledAndTheForgedLinkIsIgnored()
    {
        using var temp = new TempDirectory();
        var root = NewRoot(temp);
        var lockfile = temp.WriteFile("SHA256SUMS", farm.LockFor(farm.PackageA));

        var run = await Install(temp.Combine("cache"), root, farm.Provider, lockfile, Quorum(2, "r1", "r2", "r3"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("quorum-a 1.0-1\n", File.ReadAllText(Path.Combine(root, "usr/share/quorum-a/README")));
        Assert.Contains("rebuilder quorum: 1 packages attested by at least 2 rebuilders", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("rebuilder r3:", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("not signed by its pinned key: ignored", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneOfThreeIsRefusedBeforeAnythingIsFetchedOrInstalledWithTheTable()
    {
        using var temp = new TempDirectory();
        var root = NewRoot(temp);
        var lockfile = temp.WriteFile("SHA256SUMS", farm.LockFor(farm.PackageA, farm.PackageB));
        var poolBefore = farm.PoolRequests;

        var run = await Install(temp.Combine("cache"), root, farm.Provider, lockfile, Quorum(2, "r1", "r2", "r3"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rebuilder quorum not met: 1 of 2 packages", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("nothing was installed", run.StandardError, StringComparison.Ordinal);
        var row = run.StandardError.Split('\n').Single(l => l.StartsWith(farm.PackageB.Basename, StringComparison.Ordinal));
        Assert.Contains("1/2", row, StringComparison.Ordinal);
        Assert.Contains("r1: attests", row, StringComparison.Ordinal);
        Assert.Contains($"r2: disagrees (rebuilt sha256 {farm.DisagreeingSha256})", row, StringComparison.Ordinal);
        Assert.Contains("r3: no record", row, StringComparison.Ordinal);
        Assert.DoesNotContain(run.StandardError.Split('\n'), l => l.StartsWith(farm.PackageA.Basename, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(root, "usr/share/quorum-a")));
        Assert.Equal("", File.ReadAllText(Path.Combine(root, "var/lib/dpkg/status")));
        Assert.Equal(poolBefore, farm.PoolRequests);
    }

    [Fact]
    public async Task TheAllowlistLetsANamedPackageThroughOnDownload()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var lockfile = temp.WriteFile("SHA256SUMS", farm.LockFor(farm.PackageA, farm.PackageB));

        var refused = await CliRun.InCacheAsync(cache, ["--provider", farm.Provider, "download", lockfile, .. Quorum(2, "r1", "r2", "r3")]);
        var allowed = await CliRun.InCacheAsync(cache, ["--provider", farm.Provider, "download", lockfile,
            .. Quorum(2, "r1", "r2", "r3"), "--rebuilder-allow", "quorum-b"]);

        Assert.Equal(1, refused.ExitCode);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Contains("(1 allowed without)", allowed.StandardError, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cache, "blobs", "sha256", farm.PackageB.Sha256)));
    }

    [Fact]
    public async Task TheProjectFilesRebuilderTablesThresholdAndAllowListApply()
    {
        using var temp = new TempDirectory();
        var lockfile = temp.WriteFile("SHA256SUMS", farm.LockFor(farm.PackageA, farm.PackageB));
        var config = temp.WriteFile("repro-get.toml", $"""
            distro = "debian"
            sources = ["deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main"]
            architectures = ["amd64"]
            packages = ["quorum-a", "quorum-b"]
            threshold = 2
            allow = ["quorum-b"]
            {string.Concat(new[] { "r1", "r2", "r3" }.Select(r => $"[[rebuilder]]\nname = \"{r}\"\nurl = \"{farm.BaseUrl}/{r}\"\nkey = \"{farm.Path(r + ".pem")}\"\n"))}
            """);

        var run = await CliRun.InCacheAsync(temp.Combine("cache"), ["rebuilder", "check", "--config", config, lockfile]);
        var stricter = await CliRun.InCacheAsync(temp.Combine("cache"), ["rebuilder", "check", "--config", config, "--threshold", "3", lockfile]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("1/2 allow", run.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, stricter.ExitCode);
    }

    [Fact]
    public async Task AnUnreachableRebuilderIsReportedAndTheRestStillCount()
    {
        using var temp = new TempDirectory();
        var lockfile = temp.WriteFile("SHA256SUMS", farm.LockFor(farm.PackageA));

        var run = await CliRun.InCacheAsync(temp.Combine("cache"), ["rebuilder", "check", lockfile, .. Quorum(2, "r1", "r2", "r3", "r4")]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var row = run.StandardOutput.Split('\n').Single(l => l.StartsWith(farm.PackageA.Basename, StringComparison.Ordinal));
        Assert.Contains("2/2", row, StringComparison.Ordinal);
        Assert.Contains("r1: attests", row, StringComparison.Ordinal);
        Assert.Contains("r2: attests", row, StringComparison.Ordinal);
        Assert.Contains("r3: bad signature (1 attestation not signed by the pinned key)", row, StringComparison.Ordinal);
        Assert.Contains("r4: unreachable (http://127.0.0.1:1/r4", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyReChecksOfflineFromTheAttestationsInTheCache()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var lockfile = temp.WriteFile("SHA256SUMS", farm.LockFor(farm.PackageA, farm.PackageB));

        var online = await CliRun.InCacheAsync(cache, ["rebuilder", "check", lockfile, .. Quorum(1, "r1", "r2", "r3")]);
        var requests = farm.AttestationRequests;
        var offline = await CliRun.InCacheAsync(cache, ["rebuilder", "check", "--offline", lockfile, .. Quorum(1, "r1", "r2", "r3")]);
        var verify = await CliRun.InCacheAsync(cache, ["verify", "--offline", lockfile, .. Quorum(1, "r1", "r2", "r3")]);
        var empty = await CliRun.InCacheAsync(temp.Combine("empty"), ["rebuilder", "check", "--offline", lockfile, .. Quorum(1, "r1", "r2", "r3")]);

        Assert.True(online.ExitCode == 0, online.ToString());
        Assert.True(offline.ExitCode == 0, offline.ToString());
        Assert.Equal(requests, farm.AttestationRequests);
        var rowB = offline.StandardOutput.Split('\n').Single(l => l.StartsWith(farm.PackageB.Basename, StringComparison.Ordinal));
        Assert.Contains("r1: attests", rowB, StringComparison.Ordinal);
        Assert.Contains($"r2: disagrees (rebuilt sha256 {farm.DisagreeingSha256})", rowB, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains($"verified  quorum  pool/main/q/quorum-b/{farm.PackageB.Basename}  1/1 rebuilders attest: r1", verify.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(requests, farm.AttestationRequests);
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("no record (no attestation in the cache)", empty.StandardOutput, StringComparison.Ordinal);
    }
}
