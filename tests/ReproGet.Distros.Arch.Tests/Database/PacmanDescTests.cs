using ReproGet.Distros.Arch.Database;
using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests.Database;

public sealed class PacmanDescTests
{
    [Fact]
    public void ReadsTheFieldsOfARealSyncEntry()
    {
        var desc = PacmanDesc.Parse(File.ReadAllText(FixturePath.Get("arch", "desc", "sync-pacman-5.1.3-1.desc")));

        Assert.Equal("pacman-5.1.3-1-x86_64.pkg.tar.xz", desc.Single("FILENAME"));
        Assert.Equal("5.1.3-1", desc.Single("VERSION"));
        Assert.Equal("fdf35f698d1a5addac8c16c9ebef15aa021207bb860d5d10ab6a2f25347f000b", desc.Single("SHA256SUM"));
        Assert.Equal(["bash", "glibc", "libarchive", "curl", "gpgme", "pacman-mirrorlist", "archlinux-keyring"], desc.All("DEPENDS"));
        Assert.Equal("perl-locale-gettext: translation support in makepkg-template", desc.All("OPTDEPENDS")[0]);
        // A binary OpenPGP signature packet: old-format tag 2 with a two-byte length.
        var signature = Convert.FromBase64String(desc.Single("PGPSIG")!);
        Assert.Equal(0x89, signature[0]);
        Assert.Equal(signature.Length - 3, (signature[1] << 8) | signature[2]);
    }

    [Fact]
    public void ReadsARealLocalEntryOfPacman6()
    {
        var desc = PacmanDesc.Parse(File.ReadAllText(FixturePath.Get("arch", "desc", "local-pacman-6.0.1-5.desc")));

        Assert.Equal("pacman", desc.Single("NAME"));
        Assert.Equal("6.0.1-5", desc.Single("VERSION"));
        Assert.Equal("x86_64", desc.Single("ARCH"));
        Assert.Equal("1", desc.Single("REASON"));
        Assert.Equal(["libalpm.so=13-64"], desc.All("PROVIDES"));
        Assert.Null(desc.Single("SHA256SUM"));
    }

    [Fact]
    public void AnEmptyFieldHasNoValueAndDoesNotSwallowTheNext()
    {
        // As makepkg writes a package without a url: the header, an empty value line, then the blank separator.
        var desc = PacmanDesc.Parse("%NAME%\nrg-hello\n\n%URL%\n\n\n%ARCH%\nx86_64\n\n");

        Assert.True(desc.Has("URL"));
        Assert.Null(desc.Single("URL"));
        Assert.Equal("x86_64", desc.Single("ARCH"));
        Assert.Empty(desc.All("MISSING"));
    }
}
