using ReproGet.Distros.Debian.Provenance;

namespace ReproGet.Distros.Debian.Tests.Provenance;

public sealed class ProofNameTests
{
    [Theory]
    [InlineData("dists/bookworm/InRelease", true, "dists/bookworm", "bookworm")]
    [InlineData("dists/bookworm/updates/InRelease", true, "dists/bookworm/updates", "bookworm/updates")]
    [InlineData("archive/debian/20250510T000000Z/dists/bookworm/InRelease", true, "archive/debian/20250510T000000Z/dists/bookworm", "bookworm")]
    [InlineData("archive/debian-security/20250510T000000Z/dists/bookworm-security/InRelease", true,
        "archive/debian-security/20250510T000000Z/dists/bookworm-security", "bookworm-security")]
    [InlineData("archive/debian/latest/dists/bookworm/InRelease", false, null, null)] // not a snapshot time
    [InlineData("archive/debian/20250510T000000Z/pool/main/h/hello/InRelease", false, null, null)]
    [InlineData("dists/InRelease", false, null, null)]
    [InlineData("archive/debian/20250510T000000Z/dists/InRelease", false, null, null)]
    public void InReleaseNamesOfLiveAndSnapshotSuites(string name, bool isInRelease, string? root, string? suite)
    {
        Assert.Equal(isInRelease, ProofName.IsInRelease(name));
        if (isInRelease)
        {
            Assert.Equal(root, ProofName.RootOfInRelease(name));
            Assert.Equal(suite, ProofName.SuiteOfInRelease(name));
        }
    }

    [Fact]
    public void AnIndexBelongsToTheLongestMatchingRootSoLiveAndSnapshotSuitesDoNotClash()
    {
        string[] roots = ["dists/bookworm", "dists/bookworm/updates", "archive/debian/20250510T000000Z/dists/bookworm"];

        Assert.Equal(("dists/bookworm", "main/binary-amd64/Packages"), ProofName.SplitIndex("dists/bookworm/main/binary-amd64/Packages", roots));
        Assert.Equal(("dists/bookworm/updates", "main/binary-amd64/Packages"), ProofName.SplitIndex("dists/bookworm/updates/main/binary-amd64/Packages", roots));
        Assert.Equal(("archive/debian/20250510T000000Z/dists/bookworm", "main/binary-amd64/Packages.xz"),
            ProofName.SplitIndex("archive/debian/20250510T000000Z/dists/bookworm/main/binary-amd64/Packages.xz", roots));
        Assert.Null(ProofName.SplitIndex("archive/debian/20250601T000000Z/dists/bookworm/main/binary-amd64/Packages", roots));
        Assert.True(ProofName.IsPackagesIndex("archive/debian/20250510T000000Z/dists/bookworm/main/binary-amd64/Packages.xz"));
        Assert.False(ProofName.IsProof("archive/debian/20250510T000000Z/pool/main/h/hello/hello_2.10-2_amd64.deb"));
    }
}
