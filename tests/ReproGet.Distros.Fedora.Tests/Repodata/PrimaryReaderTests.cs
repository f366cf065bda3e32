using ReproGet.Distros.Fedora.Repodata;
using ReproGet.TestKit;

namespace ReproGet.Distros.Fedora.Tests.Repodata;

public sealed class PrimaryReaderTests
{
    [Fact]
    public void ReadsTheZstdCompressedPrimaryOfARealCreaterepoOutput()
    {
        var primary = Directory.EnumerateFiles(FixturePath.Get("rpm", "createrepo-single-pkg", "repodata"), "*-primary.xml.zst").Single();

        var package = Assert.Single(PrimaryReader.Read(primary, "custom"));

        Assert.Equal(new RepoPackage("pkg-with-no-deps", 0, "1.0.0", "0", "noarch",
            Core.Hashing.Sha256Digest.Parse("ef05a91ed8bf760cb4d31024c9b5345eda6c1cfd93a01b63b04d4bfa4839bc1c"),
            "pkg-with-no-deps-1.0.0-0.noarch.rpm", "pkg-with-no-deps-1.0.0-0.src.rpm", "custom", Size: 6137), package);
    }

    [Fact]
    public void ReadsEpochsLocationsAndSourceRpmsOfRealCentOsPackages()
    {
        var packages = PrimaryReader.Read(FixturePath.Get("rpm", "centos-stream-9-appstream", "primary.excerpt.xml"), "appstream")
            .ToDictionary(p => p.Name);

        Assert.Equal(8, packages.Count);
        var podman = packages["podman"];
        Assert.Equal((5, "5.3.1", "1.el9", "x86_64"), (podman.Epoch, podman.Version, podman.Release, podman.Architecture));
        Assert.Equal("Packages/podman-5.3.1-1.el9.x86_64.rpm", podman.Location);
        Assert.Equal("d9c7bc814b33f7ec0c50ddc4c7e60fbe88537f8f2831f8559ad76fc782ec37a5", podman.Sha256.Hex);
        // <size package="…">: the file's size, its transfer bound when it is fetched.
        Assert.Equal(17289546, podman.Size);
        // A subpackage's source rpm is its own source package's, which names its Koji folder.
        Assert.Equal("vim-8.2.2637-21.el9.src.rpm", packages["vim-enhanced"].SourceRpm);
        Assert.Equal(2, packages["vim-enhanced"].Epoch);
        Assert.Equal("4.module_el9+1087+9adf8b0f", packages["nginx"].Release);
    }

    [Theory]
    [InlineData(".gz")]
    [InlineData(".xz")]
    public void ReadsTheSamePackagesFromEveryCompression(string suffix)
    {
        using var temp = new TempDirectory();
        var plain = File.ReadAllBytes(FixturePath.Get("rpm", "centos-stream-9-appstream", "primary.excerpt.xml"));
        var path = temp.WriteFile("primary.xml" + suffix, RealTool.Compress(suffix, plain));

        var names = PrimaryReader.Read(path, "appstream").Select(p => p.FileName).ToList();

        Assert.Equal(8, names.Count);
        Assert.Contains("perl-Text-Diff-1.45-13.el9.noarch.rpm", names);
    }

    [Fact]
    public void SkipsSourcePackagesAndChecksumsThatAreNotSha256()
    {
        using var temp = new TempDirectory();
        var path = temp.WriteFile("primary.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <metadata xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm" packages="3">
            <package type="rpm"><name>a</name><arch>src</arch><version epoch="0" ver="1" rel="1"/>
              <checksum type="sha256" pkgid="YES">ef05a91ed8bf760cb4d31024c9b5345eda6c1cfd93a01b63b04d4bfa4839bc1c</checksum>
              <location href="a-1-1.src.rpm"/></package>
            <package type="rpm"><name>b</name><arch>noarch</arch><version epoch="0" ver="1" rel="1"/>
              <checksum type="sha" pkgid="YES">0123456789abcdef0123456789abcdef01234567</checksum>
              <location href="b-1-1.noarch.rpm"/></package>
            <package type="rpm"><name>c</name><arch>noarch</arch><version epoch="0" ver="1" rel="1"/>
              <checksum type="sha256" pkgid="YES">ef05a91ed8bf760cb4d31024c9b5345eda6c1cfd93a01b63b04d4bfa4839bc1c</checksum>
              <location href="c-1-1.noarch.rpm"/><format><rpm:sourcerpm>c-1-1.src.rpm</rpm:sourcerpm></format></package>
            </metadata>
            """);

        var package = Assert.Single(PrimaryReader.Read(path, "r"));

        Assert.Equal(("c", "c-1-1.src.rpm"), (package.Name, package.SourceRpm));
    }
}
