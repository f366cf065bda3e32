using ReproGet.Distros.Debian.Dpkg;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Dpkg;

public sealed class DpkgStatusTests
{
    [Fact]
    public void ReadsARealStatusFile()
    {
        using var stream = File.OpenRead(FixturePath.Get("debian", "dpkg-status.excerpt"));

        var status = DpkgStatus.Parse(stream, "status");

        Assert.Equal(11, status.Packages.Count);
        Assert.All(status.Packages, p => Assert.True(p.IsConfigured));
        Assert.Contains(new InstalledPackage("zlib1g", "amd64", "1:1.2.13.dfsg-1", "installed"), status.Packages);
        Assert.Contains(new InstalledPackage("tzdata", "all", "2025b-0+deb12u2", "installed"), status.Packages);
        Assert.Equal("amd64", status.NativeArchitecture);
    }

    [Fact]
    public void TellsUnpackedFromConfiguredAndLeavesConfigFilesOut()
    {
        using var root = new DebianRoot().WithInstalled(
            "a,1,amd64,installed", "b,1,amd64,unpacked", "c,1,amd64,config-files", "d,1,amd64,triggers-pending", "e,1,i386,half-installed");

        var packages = DpkgStatus.Read(root.Context).Packages.ToDictionary(p => p.Name);

        Assert.Equal(["a", "b", "d"], packages.Values.Where(p => p.HasFiles).Select(p => p.Name));
        Assert.Equal(["a", "d"], packages.Values.Where(p => p.IsConfigured).Select(p => p.Name));
        Assert.Equal("e:i386", packages["e"].Key);
    }

    [Fact]
    public void ARootWithoutDpkgHasNothingInstalled()
    {
        using var root = new DebianRoot();

        var status = DpkgStatus.Read(root.Context);

        Assert.Empty(status.Packages);
        Assert.Equal(DpkgStatus.MachineArchitecture(), status.NativeArchitecture);
    }

    [Fact]
    public void TakesTheNativeArchitectureFromDpkgItself()
    {
        using var root = new DebianRoot().WithInstalled("libc6,2.36-9,i386", "dpkg,1.21.22,arm64");

        Assert.Equal("arm64", DpkgStatus.Read(root.Context).NativeArchitecture);
    }
}
