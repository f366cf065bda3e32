using ReproGet.Distros.Fedora.Repodata;
using ReproGet.TestKit;

namespace ReproGet.Distros.Fedora.Tests.Repodata;

public sealed class RepomdFileTests
{
    [Fact]
    public void GivesThePrimaryLocationAndItsCompressedSha256NotTheOpenOne()
    {
        var repomd = RepomdFile.Read(FixturePath.Get("rpm", "centos-stream-9-appstream", "repodata", "repomd.xml"));

        Assert.Equal("repodata/c03bb2ebc33bbee3046da091b45d90717273a43d3641a9d84e6eede05637bc8a-primary.xml.gz", repomd.PrimaryLocation);
        Assert.Equal("c03bb2ebc33bbee3046da091b45d90717273a43d3641a9d84e6eede05637bc8a", repomd.PrimarySha256);
    }

    [Fact]
    public void AgreesWithTheZstdPrimaryItNames()
    {
        var repodata = FixturePath.Get("rpm", "createrepo-single-pkg", "repodata");

        var repomd = RepomdFile.Read(Path.Combine(repodata, "repomd.xml"));

        Assert.True(File.Exists(Path.Combine(repodata, Path.GetFileName(repomd.PrimaryLocation))));
        Assert.EndsWith(repomd.PrimarySha256 + "-primary.xml.zst", repomd.PrimaryLocation);
    }
}
