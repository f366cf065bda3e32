using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;

namespace ReproGet.Core.Tests.Packages;

/// <summary>Package identities from file names, with the vectors of repro-get's dpkg/rpm/apk/pacman tests (PARSE-CASES.md).</summary>
public sealed class PackageFileNameTests
{
    [Theory]
    [InlineData("pool/main/h/hello/hello_2.10-2_amd64.deb", PackageKind.Deb, "hello", "2.10-2", null, "amd64")]
    [InlineData("pool/main/c/ca-certificates/ca-certificates_20210119_all.deb", PackageKind.Deb, "ca-certificates", "20210119", null, "all")]
    [InlineData("x/odd_1.0_amd64_extra.deb", PackageKind.Deb, "odd", "1.0", null, "amd64_extra")]
    [InlineData("ca-certificates/2022.2.54/5.fc37/noarch/ca-certificates-2022.2.54-5.fc37.noarch.rpm",
        PackageKind.Rpm, "ca-certificates", "2022.2.54", "5.fc37", "noarch")]
    [InlineData("gpg-pubkey-38ab71f4-60242b08.rpm", PackageKind.Rpm, "gpg-pubkey", "38ab71f4", "60242b08", "")]
    [InlineData("v3.16/main/x86_64/ca-certificates-bundle-20220614-r0.apk", PackageKind.Apk, "ca-certificates-bundle", "20220614-r0", null, null)]
    [InlineData("v3.16/main/x86_64/ncurses-terminfo-base-6.3_p20220521-r0.apk", PackageKind.Apk, "ncurses-terminfo-base", "6.3_p20220521-r0", null, null)]
    [InlineData("packages/c/ca-certificates/ca-certificates-20220905-1-any.pkg.tar.zst",
        PackageKind.Pacman, "ca-certificates", "20220905-1", null, "any")]
    [InlineData("z/zlib-1:1.2.13-1-x86_64.pkg.tar.zst", PackageKind.Pacman, "zlib", "1:1.2.13-1", null, "x86_64")]
    [InlineData("p/pacman/pacman-5.1.3-1-x86_64.pkg.tar.xz", PackageKind.Pacman, "pacman", "5.1.3-1", null, "x86_64")]
    [InlineData("a/amd-ucode/amd-ucode-20190514.711d329-1-any.pkg.tar.xz", PackageKind.Pacman, "amd-ucode", "20190514.711d329-1", null, "any")]
    [InlineData("g/glibc/glibc-2.11.1-1-i686.pkg.tar.gz", PackageKind.Pacman, "glibc", "2.11.1-1", null, "i686")]
    [InlineData("r/rg-plain/rg-plain-1:1.0-1-any.pkg.tar", PackageKind.Pacman, "rg-plain", "1:1.0-1", null, "any")]
    public void PackageNamesParseByTheirSuffix(string name, PackageKind kind, string package, string version, string? release,
        string? architecture)
    {
        var parsed = PackageFileName.TryParse(LockName.Basename(name));
        Assert.Equal(new PackageFileName(kind, package, version, release, architecture), parsed);
    }

    [Fact]
    public void RpmFullVersionJoinsVersionAndRelease()
    {
        Assert.Equal("2022.2.54-5.fc37", PackageFileName.TryParse("ca-certificates-2022.2.54-5.fc37.noarch.rpm")!.FullVersion);
        Assert.Equal("2.10-2", PackageFileName.TryParse("hello_2.10-2_amd64.deb")!.FullVersion);
    }

    [Theory]
    [InlineData("neofetch-7.1.0-2-any.pkg.tar.zst.sig")]
    [InlineData("pacman-5.1.3-1-x86_64.pkg.tar.xz.sig")]
    [InlineData("foo.tar.xz")]
    [InlineData("core.db.tar.gz")]
    [InlineData("README.txt")]
    [InlineData("foo.tar.zst")]
    [InlineData("hello_2.10-2_amd64.deb.asc")]
    [InlineData("Packages")]
    public void OtherFilesAreNoPackage(string basename)
    {
        Assert.Null(PackageFileName.TryParse(basename));
    }

    [Theory]
    [InlineData("hello.deb")]
    [InlineData("hello_2.10-2.deb")]
    [InlineData("_2.10-2_amd64.deb")]
    [InlineData("hello__amd64.deb")]
    [InlineData("hello_2.10-2_.deb")]
    [InlineData("bash.rpm")]
    [InlineData("bash-5.1.x86_64.rpm")]
    [InlineData("bash--2.fc36.x86_64.rpm")]
    [InlineData("bash.apk")]
    [InlineData("bash-5.1.16.apk")]
    [InlineData("bash-5.1.16-rx.apk")]
    [InlineData("bash-5.1.16-r.apk")]
    [InlineData("bash--r2.apk")]
    [InlineData("-5.1.16-r2.apk")]
    [InlineData("neofetch-any.pkg.tar.zst")]
    [InlineData("neofetch-2-any.pkg.tar.zst")]
    [InlineData("neofetch--2-any.pkg.tar.zst")]
    [InlineData("neofetch-7.1.0-2-.pkg.tar.zst")]
    [InlineData("neofetch-2-any.pkg.tar.xz")]
    [InlineData("neofetch--2-any.pkg.tar.gz")]
    [InlineData("neofetch-any.pkg.tar")]
    public void MalformedPackageNamesAreErrorsNamingTheFile(string basename)
    {
        var error = Assert.Throws<ReproGetException>(() => PackageFileName.TryParse(basename));
        Assert.Contains($"\"{basename}\"", error.Message);
    }

    [Theory]
    [InlineData("neofetch-2-any.pkg.tar.xz", "want <name>-<version>-<rel>-<arch>.pkg.tar.xz")]
    [InlineData("neofetch-2-any.pkg.tar", "want <name>-<version>-<rel>-<arch>.pkg.tar")]
    public void AMalformedPacmanNameIsToldTheFormOfItsOwnSuffix(string basename, string expected)
    {
        var error = Assert.Throws<ReproGetException>(() => PackageFileName.TryParse(basename));
        Assert.EndsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
