using ReproGet.Distros.Debian.Provenance;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Provenance;

public sealed class ReleaseFileTests
{
    [Fact]
    public void ReadsSuiteDateAndTheSha256ListOfARealInRelease()
    {
        var release = ReleaseFile.Parse(ChainFixture.InReleaseBytes, "bookworm-updates_InRelease");

        Assert.Equal("bookworm-updates", release.Codename);
        Assert.Equal("oldstable-updates", release.Suite);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 2, 11, 10, TimeSpan.Zero), release.Date);
        var index = release.Find("main/binary-amd64/Packages");
        Assert.NotNull(index);
        Assert.Equal("80a1f6ee524222c49f230fc5700d00f946d0a47eb5258180106dd03df126e16a", index.Sha256.Hex);
        Assert.Equal(32757, index.Size);
        Assert.True(release.Names("bookworm-updates"));
        Assert.False(release.Names("bookworm"));
    }

    [Fact]
    public void TheIndexLinkHoldsOnlyForTheListedHashAndSize()
    {
        var release = ReleaseFile.Parse(ChainFixture.InReleaseBytes, "InRelease");
        var scan = PackagesIndexScan.Read(new MemoryStream(ChainFixture.IndexBytes), ChainFixture.IndexName, new HashSet<string>());

        Assert.Null(release.CheckIndex("main/binary-amd64/Packages", scan.Sha256, scan.Size));
        Assert.Contains("is not listed", release.CheckIndex("main/binary-none/Packages", scan.Sha256, scan.Size), StringComparison.Ordinal);
        Assert.Contains("with sha256", release.CheckIndex("main/binary-amd64/Packages.xz", scan.Sha256, scan.Size), StringComparison.Ordinal);
    }

    [Fact]
    public void TheEntryLinkNeedsTheFilenameWithItsHash()
    {
        var scan = PackagesIndexScan.Read(new MemoryStream(ChainFixture.IndexBytes), ChainFixture.IndexName,
            new HashSet<string> { ChainFixture.OpensshClient, "pool/main/n/nothing/nothing_1_all.deb" });

        Assert.Null(scan.CheckEntry(ChainFixture.OpensshClient, Core.Hashing.Sha256Digest.Parse(ChainFixture.OpensshClientSha)));
        Assert.Contains("lists " + ChainFixture.OpensshClient + " with sha256 " + ChainFixture.OpensshClientSha,
            scan.CheckEntry(ChainFixture.OpensshClient, Core.Hashing.Sha256Digest.Parse(ChainFixture.CaCertificatesSha)), StringComparison.Ordinal);
        Assert.Contains("does not list", scan.CheckEntry("pool/main/n/nothing/nothing_1_all.deb", Core.Hashing.Sha256Digest.Parse(ChainFixture.CaCertificatesSha)), StringComparison.Ordinal);
        Assert.Single(scan.Listed);
    }

    [Fact]
    public void ACompressedIndexIsHashedAsStoredAndReadDecompressed()
    {
        var xz = RealTool.Compress(".xz", ChainFixture.IndexBytes);
        var scan = PackagesIndexScan.Read(new MemoryStream(xz), "dists/x/main/binary-amd64/Packages.xz", new HashSet<string> { ChainFixture.OpensshClient });

        Assert.Equal(Core.Hashing.Sha256Hasher.HashBytes(xz), scan.Sha256);
        Assert.Equal(xz.Length, scan.Size);
        Assert.Equal(ChainFixture.OpensshClientSha, scan.Listed[ChainFixture.OpensshClient].Hex);
    }
}
