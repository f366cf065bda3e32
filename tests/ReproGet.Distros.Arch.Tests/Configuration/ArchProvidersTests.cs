using ReproGet.Core.Distros;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Providers;
using ReproGet.Distros.Arch.Configuration;
using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests.Configuration;

public sealed class ArchProvidersTests
{
    [Fact]
    public void EveryRepositorysFirstMirrorComesBeforeAnySecondAndTheArchiveComesLast()
    {
        using var root = new TempDirectory();
        root.WriteFile("etc/pacman.conf", "[options]\nArchitecture = x86_64\n[core]\nInclude = /etc/pacman.d/mirrorlist\n[extra]\nInclude = /etc/pacman.d/mirrorlist\n");
        root.WriteFile("etc/pacman.d/mirrorlist", "Server = https://one.example/$repo/os/$arch\nServer = https://two.example/$repo/os/$arch\n");

        var providers = new ArchDistro().DefaultProviders(new DistroContext(root.Path, new RecordingLog()));

        Assert.Equal(
        [
            "https://one.example/core/os/x86_64/{{.Basename}}",
            "https://one.example/extra/os/x86_64/{{.Basename}}",
            "https://two.example/core/os/x86_64/{{.Basename}}",
            "https://two.example/extra/os/x86_64/{{.Basename}}",
            "https://archive.archlinux.org/packages/{{.Name}}",
        ], providers);
    }

    [Fact]
    public void TheArchiveRendersTheLockNameAndAMirrorTheBaseName()
    {
        var entry = new LockEntry("n/neofetch/neofetch-7.1.0-2-any.pkg.tar.zst",
            Sha256Digest.Parse("3fbddf916f10f90c9ad08c184a2381314f9cbd316944d911bef36f9f8e6df0b6"));

        Assert.True(ProviderTemplate.Parse(ArchProviders.Archive).TryRender(entry, out var archive, out _));
        Assert.True(ProviderTemplate.Parse("https://one.example/extra/os/x86_64/{{.Basename}}").TryRender(entry, out var mirror, out _));

        Assert.Equal("https://archive.archlinux.org/packages/n/neofetch/neofetch-7.1.0-2-any.pkg.tar.zst", archive);
        Assert.Equal("https://one.example/extra/os/x86_64/neofetch-7.1.0-2-any.pkg.tar.zst", mirror);
    }

    [Fact]
    public void WithoutMirrorsOnlyTheArchiveIsLeft()
    {
        using var root = new TempDirectory();

        Assert.Equal([ArchProviders.Archive], new ArchDistro().DefaultProviders(new DistroContext(root.Path, new RecordingLog())));
    }
}
