using ReproGet.Core.Distros;
using ReproGet.Distros.Arch.Configuration;
using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests.Configuration;

public sealed class PacmanConfigTests
{
    [Fact]
    public void ReadsRepositoriesInOrderWithIncludedMirrorsInsideTheRoot()
    {
        using var root = new TempDirectory();
        root.WriteFile("etc/pacman.conf", """
            # hand-made, in the shape of Arch's own pacman.conf
            [options]
            DBPath      = /srv/pacman/db/
            CacheDir    = /srv/pacman/cache/
            CacheDir    = /var/cache/second/
            GPGDir      = /srv/pacman/gnupg/
            Architecture = aarch64 x86_64
            SigLevel    = Required DatabaseOptional

            [core]
            Include = /etc/pacman.d/mirrorlist

            [local-files]
            Server = file:///srv/repo/$repo   # a comment after a value
            Include = /etc/pacman.d/conf.d/*.list

            [extra]
            Include = /etc/pacman.d/mirrorlist
            """);
        root.WriteFile("etc/pacman.d/mirrorlist", """
            ## Worldwide
            #Server = https://commented.example/$repo/os/$arch
            Server = https://geo.mirror.pkgbuild.com/$repo/os/$arch
            Server = http://mirror.example/archlinux/$repo/os/$arch/
            """);
        root.WriteFile("etc/pacman.d/conf.d/b.list", "Server = http://b.example/$arch\n");
        root.WriteFile("etc/pacman.d/conf.d/a.list", "Server = http://a.example/$arch\n");

        var config = PacmanConfig.Load(new DistroContext(root.Path, new RecordingLog()));

        Assert.Equal("/srv/pacman/db/", config.DatabasePath);
        Assert.Equal("/srv/pacman/cache/", config.CachePath);
        Assert.Equal("/srv/pacman/gnupg/", config.KeyringPath);
        Assert.Equal("aarch64", config.Architecture);
        Assert.Equal(["core", "local-files", "extra"], config.Repositories.Select(r => r.Name));
        Assert.Equal(["https://geo.mirror.pkgbuild.com/core/os/aarch64", "http://mirror.example/archlinux/core/os/aarch64"],
            config.Repositories[0].Servers);
        Assert.Equal(["file:///srv/repo/local-files", "http://a.example/aarch64", "http://b.example/aarch64"],
            config.Repositories[1].Servers);
        Assert.Equal("https://geo.mirror.pkgbuild.com/extra/os/aarch64", config.Repositories[2].Servers[0]);
    }

    [Fact]
    public void ARootWithoutPacmanConfUsesPacmansDefaultsAndTheMirrorlist()
    {
        using var root = new TempDirectory();
        root.WriteFile("etc/pacman.d/mirrorlist", "Server = https://mirror.example/$repo/os/$arch\n");

        var config = PacmanConfig.Load(new DistroContext(root.Path, new RecordingLog()));

        Assert.Equal("/var/lib/pacman/", config.DatabasePath);
        Assert.Equal("/etc/pacman.d/gnupg/", config.KeyringPath);
        Assert.Equal(["core", "extra", "multilib"], config.Repositories.Select(r => r.Name));
        Assert.Equal($"https://mirror.example/extra/os/{config.Architecture}", config.Repositories[1].Servers.Single());
    }

    [Fact]
    public void AutoArchitectureIsTheMachines()
    {
        using var root = new TempDirectory();
        root.WriteFile("etc/pacman.conf", "[options]\nArchitecture = auto\n");

        var config = PacmanConfig.Load(new DistroContext(root.Path, new RecordingLog()));

        Assert.Equal(RealTool.Run("uname", "-m").Trim(), config.Architecture);
    }
}
