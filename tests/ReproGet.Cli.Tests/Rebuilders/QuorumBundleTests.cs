using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.Rebuilders;

/// <summary>
/// <c>bundle</c> under a rebuilder quorum (issue 15, item 3): the attestations the check used travel in the bundle, and a
/// fresh cache that imports the bundle re-checks the quorum offline, asking the farm nothing.
/// </summary>
[Trait("Category", "Integration")]
[Collection(RebuilderFarm.Collection)]
public sealed class QuorumBundleTests(RebuilderFarm farm)
{
    private string[] Quorum(int threshold, params string[] rebuilders) => farm.Quorum(threshold, rebuilders);

    /// <summary>Bundles quorum-a and quorum-b under the quorum of r1..r3 at <paramref name="threshold"/>.</summary>
    private async Task<(CliResult Run, string Lockfile, string Bundle)> BundleAsync(TempDirectory temp, int threshold)
    {
        var lockfile = temp.WriteFile("SHA256SUMS", farm.LockFor(farm.PackageA, farm.PackageB));
        var bundle = temp.Combine("bundle");
        var run = await CliRun.RunAsync(["--cache", temp.Combine("cache"), "--distro", "debian", "--provider", farm.Provider,
            "bundle", lockfile, "-o", bundle, .. Quorum(threshold, "r1", "r2", "r3")]);
        return (run, lockfile, bundle);
    }

    [Fact]
    public async Task ABundleCarriesTheAttestationsItUsedSoAFreshCacheReChecksItOffline()
    {
        using var temp = new TempDirectory();

        var (written, lockfile, bundle) = await BundleAsync(temp, threshold: 1);
        var requests = farm.AttestationRequests;
        var fresh = temp.Combine("fresh");
        var import = await CliRun.InCacheAsync(fresh, ["cache", "import", bundle]);
        var verify = await CliRun.InCacheAsync(fresh, ["verify", "--offline", lockfile, .. Quorum(1, "r1", "r2", "r3")]);
        var stricter = await CliRun.InCacheAsync(fresh, ["verify", "--offline", lockfile, .. Quorum(2, "r1", "r2", "r3")]);

        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Contains("with 4 rebuilder attestations", written.StandardError, StringComparison.Ordinal);
        // quorum-a: r1 and r2 attest (r3's forged link decided nothing: not carried); quorum-b: r1 attests, r2 disagrees.
        var listed = File.ReadAllLines(Path.Combine(bundle, "attestations.list")).Select(l => l.Split(' ')).ToList();
        Assert.Equal(4, listed.Count);
        Assert.Equal(2, listed.Count(l => l[1] == farm.PackageA.Sha256));
        Assert.Equal(2, listed.Count(l => l[1] == farm.PackageB.Sha256));
        Assert.Equal([$"{farm.BaseUrl}/r1", $"{farm.BaseUrl}/r1", $"{farm.BaseUrl}/r2", $"{farm.BaseUrl}/r2"], listed.Select(l => l[2]).Order(StringComparer.Ordinal));
        var checksums = File.ReadAllText(Path.Combine(bundle, "bundle.sha256"));
        Assert.All(listed, l => Assert.Contains($"{l[0]}  blobs/sha256/{l[0]}", checksums, StringComparison.Ordinal));
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("recorded 4 rebuilder attestations", import.StandardError, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains($"verified  quorum  pool/main/q/quorum-a/{farm.PackageA.Basename}  2/1 rebuilders attest: r1, r2", verify.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"verified  quorum  pool/main/q/quorum-b/{farm.PackageB.Basename}  1/1 rebuilders attest: r1", verify.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, stricter.ExitCode);
        Assert.Contains($"r2: disagrees (rebuilt sha256 {farm.DisagreeingSha256})", stricter.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(requests, farm.AttestationRequests);
    }

    [Fact]
    public async Task ABundleBelowTheQuorumIsRefusedAndNothingIsWritten()
    {
        using var temp = new TempDirectory();

        var (run, _, bundle) = await BundleAsync(temp, threshold: 2);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rebuilder quorum not met: 1 of 2 packages", run.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(bundle));
    }
}
