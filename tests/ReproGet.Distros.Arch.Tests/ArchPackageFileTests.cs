using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;
using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests;

public sealed class ArchPackageFileTests
{
    [Theory]
    [InlineData("neofetch-7.1.0-2-any.pkg.tar.zst", "neofetch", "7.1.0-2", "any")]
    [InlineData("zlib-1:1.2.13-1-x86_64.pkg.tar.zst", "zlib", "1:1.2.13-1", "x86_64")]
    [InlineData("lib32-glib2-2.60.4-1-x86_64.pkg.tar.xz", "lib32-glib2", "2.60.4-1", "x86_64")]
    [InlineData("amd-ucode-20190514.711d329-1-any.pkg.tar.xz", "amd-ucode", "20190514.711d329-1", "any")]
    [InlineData("glibc-2.11.1-1-i686.pkg.tar.gz", "glibc", "2.11.1-1", "i686")]
    [InlineData("rg-plain-1:1.0-1-any.pkg.tar", "rg-plain", "1:1.0-1", "any")]
    public void SplitsNameVersionAndArchitecture(string basename, string name, string version, string architecture)
    {
        var file = ArchPackageFile.Parse(basename);

        Assert.Equal((name, version, architecture), (file.Package, file.FullVersion, file.Architecture));
    }

    [Theory]
    [InlineData("n/neofetch/neofetch-7.1.0-2-any.pkg.tar.zst", EntryRole.Package)]
    [InlineData("p/pacman/pacman-5.1.3-1-x86_64.pkg.tar.xz", EntryRole.Package)]
    [InlineData("n/neofetch/neofetch-7.1.0-2-any.pkg.tar.zst.sig", EntryRole.Auxiliary)]
    [InlineData("p/pacman/pacman-5.1.3-1-x86_64.pkg.tar.xz.sig", EntryRole.Auxiliary)]
    [InlineData("g/glibc/glibc-2.11.1-1-i686.pkg.tar.gz", EntryRole.Package)]
    [InlineData("g/glibc/glibc-2.11.1-1-i686.pkg.tar.gz.sig", EntryRole.Auxiliary)]
    [InlineData("r/rg-plain/rg-plain-1.0-1-any.pkg.tar", EntryRole.Package)]
    [InlineData("r/rg-plain/rg-plain-1.0-1-any.pkg.tar.sig", EntryRole.Auxiliary)]
    [InlineData("core.db.tar.gz", EntryRole.NotNeeded)]
    [InlineData("core.db.sig", EntryRole.NotNeeded)]
    [InlineData("pool/main/h/hello/hello_2.10-2_amd64.deb", EntryRole.NotNeeded)]
    public void ClassifiesPackagesAndTheirSignatures(string name, EntryRole role)
    {
        var entry = new LockEntry(name, Core.Hashing.Sha256Digest.Parse(new string('a', 64)));

        Assert.Equal(role, new ArchDistro().Entries.Classify(entry));
    }

    [Fact]
    public void ClassifiesTheGoToolsArchExampleLockfile()
    {
        var path = FixturePath.Get("arch", "neofetch-SHA256SUMS-amd64");
        var entries = Sha256SumsReader.Parse(path, LockfileText.ReadLines(path), epoch: null);
        var distro = new ArchDistro();

        Assert.Equal([EntryRole.Package, EntryRole.Auxiliary], entries.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => distro.Entries.Classify(e)));
        Assert.Equal("n/neofetch/neofetch-7.1.0-2-any.pkg.tar.zst", ArchPackageFile.ArchiveName("neofetch", "neofetch-7.1.0-2-any.pkg.tar.zst"));
    }
}
