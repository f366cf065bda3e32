using ReproGet.Core.Distros;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Locking;

namespace ReproGet.Core.Tests.Operations.Locking;

/// <summary><c>hash update</c>'s rewrite of a lockfile, for pacman names of every compression Arch has used.</summary>
public sealed class LockUpdateTests
{
    [Fact]
    public void ThePackagesOfAPre2020ArchLockAreAskedFor()
    {
        LockEntry[] entries =
        [
            new("p/pacman/pacman-5.1.3-1-x86_64.pkg.tar.xz", Digest('1')),
            new("p/pacman/pacman-5.1.3-1-x86_64.pkg.tar.xz.sig", Digest('2')),
            new("g/glibc/glibc-2.11.1-1-i686.pkg.tar.gz", Digest('3')),
            new("z/zlib/zlib-1:1.2.13-1-x86_64.pkg.tar.zst", Digest('4')),
        ];

        Assert.Equal(["glibc:i686", "pacman:x86_64", "zlib:x86_64"], LockUpdate.PackageKeys(entries));
    }

    [Fact]
    public void AnXzPackageAndItsSignatureAreReplacedByTheInstalledVersion()
    {
        string[] old =
        [
            "# an Arch image from 2019",
            $"{Hex('1')}  p/pacman/pacman-5.1.3-1-x86_64.pkg.tar.xz",
            $"{Hex('2')}  p/pacman/pacman-5.1.3-1-x86_64.pkg.tar.xz.sig",
            $"{Hex('3')}  notes/README",
        ];
        LockedFile[] locked =
        [
            new(Digest('4'), "p/pacman/pacman-6.0.2-6-x86_64.pkg.tar.zst"),
            new(Digest('5'), "p/pacman/pacman-6.0.2-6-x86_64.pkg.tar.zst.sig"),
        ];

        var result = LockUpdate.Apply(old, locked);

        Assert.Equal(
            "# an Arch image from 2019\n"
            + $"{Hex('4')}  p/pacman/pacman-6.0.2-6-x86_64.pkg.tar.zst\n"
            + $"{Hex('5')}  p/pacman/pacman-6.0.2-6-x86_64.pkg.tar.zst.sig\n"
            + $"{Hex('3')}  notes/README\n",
            result.Text);
        Assert.Equal([new LockUpdate.Change("pacman:x86_64", "5.1.3-1", "6.0.2-6")], result.Changes);
    }

    private static string Hex(char digit) => new(digit, 64);

    private static Sha256Digest Digest(char digit) => Sha256Digest.Parse(Hex(digit));
}
