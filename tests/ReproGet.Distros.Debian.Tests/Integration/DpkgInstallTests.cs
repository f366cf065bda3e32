using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;
using ReproGet.Distros.Debian.Dpkg;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Integration;

/// <summary>Real dpkg installing real .debs (built here with dpkg-deb) into fresh roots with <c>--root</c>.</summary>
[Trait("Category", "Integration")]
public sealed class DpkgInstallTests
{
    private static readonly DebianDistro Debian = new();

    [Fact]
    public async Task InstallsALockClosedUnderDependenciesInOneTransaction()
    {
        using var work = new TempDirectory();
        using var root = new DebianRoot();
        var library = DebPackage.Build(work.Path, "libreprofoo", "1:1.0-1", "all");
        var program = DebPackage.Build(work.Path, "reprohello", "2.0~rc1-1", "amd64", depends: "libreprofoo (>= 1:1.0)");

        // The program first: dpkg unpacks both, then configures the library before the program.
        await Debian.Installer.InstallAsync(root.Context, [Cached(work, program), Cached(work, library)], [], CancellationToken.None);

        Assert.Equal("libreprofoo 1:1.0-1 ii \nreprohello 2.0~rc1-1 ii \n", Query(root));
        Assert.Equal("reprohello 2.0~rc1-1\n", File.ReadAllText(root.Context.RootPath("/usr/share/reprohello/README")));
        var entries = new[] { program, library }.Select(p => new LockEntry(p.PoolName, p.Sha256)).ToList();
        Assert.Empty(await Debian.Installer.SelectNotInstalledAsync(root.Context, entries, CancellationToken.None));
    }

    [Fact]
    public async Task ALockNotClosedUnderDependenciesFailsWithDpkgsReason()
    {
        using var work = new TempDirectory();
        using var root = new DebianRoot();
        var program = DebPackage.Build(work.Path, "reprohello", "2.0-1", "amd64", depends: "libreprofoo (>= 1:1.0)");

        var error = await Assert.ThrowsAsync<DpkgInstallException>(() =>
            Debian.Installer.InstallAsync(root.Context, [Cached(work, program)], [], CancellationToken.None));

        Assert.Contains("reprohello depends on libreprofoo (>= 1:1.0); however:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Package libreprofoo is not installed.", error.Message, StringComparison.Ordinal);
        Assert.Contains($"into {root.Path}", error.Message, StringComparison.Ordinal);
        Assert.Contains("hash generate", error.Hint, StringComparison.Ordinal);
        Assert.Contains("reprohello 2.0-1 iU", Query(root), StringComparison.Ordinal);
        Assert.True(File.Exists(Cached(work, program).BlobPath), "the fetched file stays in the cache");
    }

    [Fact]
    public async Task InstallsOverAnOlderVersionAndSkipsNothingThatIsStale()
    {
        using var work = new TempDirectory();
        using var root = new DebianRoot();
        var old = DebPackage.Build(Directory.CreateDirectory(work.Combine("old")).FullName, "reprohello", "1.0-1", "amd64");
        var current = DebPackage.Build(work.Path, "reprohello", "1.0-2", "amd64");
        await Debian.Installer.InstallAsync(root.Context, [Cached(work, old)], [], CancellationToken.None);

        var stale = await Debian.Installer.SelectNotInstalledAsync(root.Context, [new LockEntry(current.PoolName, current.Sha256)], CancellationToken.None);
        await Debian.Installer.InstallAsync(root.Context, [.. stale.Select(_ => Cached(work, current))], [], CancellationToken.None);

        Assert.Single(stale);
        Assert.Equal("reprohello 1.0-2 ii \n", Query(root));
    }

    /// <summary>What <c>dpkg-query -W</c> says about the root: name, version, status abbreviation.</summary>
    internal static string Query(DebianRoot root) =>
        RealTool.Run("dpkg-query", $"--admindir={root.Context.RootPath(DpkgStatus.StatusPath)[..^"/status".Length]}", "-W",
            "-f", "${Package} ${Version} ${db:Status-Abbrev}\n");

    /// <summary>The package as the content cache holds it: a blob named by its sha256, no .deb suffix.</summary>
    private static CachedFile Cached(TempDirectory work, DebPackage package)
    {
        var blob = work.Combine("cache", "blobs", "sha256", package.Sha256.Hex);
        Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
        if (!File.Exists(blob))
        {
            File.Copy(package.Path, blob);
        }
        return new CachedFile(new LockEntry(package.PoolName, package.Sha256), blob);
    }
}
