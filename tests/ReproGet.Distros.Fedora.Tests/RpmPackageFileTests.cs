using ReproGet.Core.Lockfiles;
using ReproGet.Core.Distros;
using ReproGet.TestKit;

namespace ReproGet.Distros.Fedora.Tests;

public sealed class RpmPackageFileTests
{
    [Fact]
    public void NamesFilesByTheirSourcePackagesKojiFolder()
    {
        Assert.Equal("vim/8.2.2637/21.el9/x86_64/vim-enhanced-8.2.2637-21.el9.x86_64.rpm",
            RpmPackageFile.KojiName("vim-8.2.2637-21.el9.src.rpm", "x86_64", "vim-enhanced-8.2.2637-21.el9.x86_64.rpm"));
        Assert.Null(RpmPackageFile.KojiName("(none)", "noarch", "x-1-1.noarch.rpm"));
    }

    [Fact]
    public void ClassifiesTheGoToolsFedoraLockfileAsPackages()
    {
        var distro = new FedoraDistro();
        var lines = File.ReadAllLines(FixturePath.Get("lockfiles", "repro-get", "examples", "neofetch-fedora", "SHA256SUMS-amd64"));
        var entries = lines.Select(l => new LockEntry(l[66..], Core.Hashing.Sha256Digest.Parse(l[..64]))).ToList();

        Assert.Equal(14, entries.Count);
        Assert.All(entries, e => Assert.Equal(EntryRole.Package, distro.Entries.Classify(e)));
        var neofetch = entries.Single(e => e.Basename.StartsWith("neofetch", StringComparison.Ordinal));
        Assert.Equal("neofetch/7.1.0/7.fc36/noarch/neofetch-7.1.0-7.fc36.noarch.rpm", neofetch.Name);
        Assert.Equal(("neofetch", "7.1.0", "7.fc36", "noarch"),
            (neofetch.Package!.Package, neofetch.Package.Version, neofetch.Package.Release, neofetch.Package.Architecture));
        Assert.Equal(EntryRole.NotNeeded, distro.Entries.Classify(entries[0] with { Name = "neofetch/7.1.0/7.fc36/src/neofetch-7.1.0-7.fc36.src.rpm" }));
    }
}
