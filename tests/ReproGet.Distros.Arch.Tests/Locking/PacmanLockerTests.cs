using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using ReproGet.Core.Distros;
using ReproGet.Core.Operations.Locking;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Distros.Arch.Database;
using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests.Locking;

/// <summary>Locking the fixture root: pacman 5.1.3-1 and xz 5.2.4-1 are in its core.db; bash and glibc are older than it.</summary>
public sealed class PacmanLockerTests : IDisposable
{
    private readonly FixtureRoot _root = new();
    private readonly ArchDistro _arch = new();

    [Fact]
    public async Task LocksEachPackageAndItsSignatureFromTheSyncDatabaseAndCachesTheSignature()
    {
        var locked = await _arch.Locker.LockAsync(_root.Context(), new LockRequest(["xz", "pacman"], false), CancellationToken.None);

        var core = SyncDatabase.Read(_root.PathInRoot("/var/lib/pacman/sync/core.db"), "core");
        var pacman = core.Single(p => p.Name == "pacman");
        var pacmanSignature = Sha256Hasher.HashBytes(pacman.Signature);
        Assert.Equal(
        [
            ("fdf35f698d1a5addac8c16c9ebef15aa021207bb860d5d10ab6a2f25347f000b", "p/pacman/pacman-5.1.3-1-x86_64.pkg.tar.xz"),
            (pacmanSignature.Hex, "p/pacman/pacman-5.1.3-1-x86_64.pkg.tar.xz.sig"),
            (core.Single(p => p.Name == "xz").Sha256.Hex, "x/xz/xz-5.2.4-1-x86_64.pkg.tar.xz"),
            (Sha256Hasher.HashBytes(core.Single(p => p.Name == "xz").Signature).Hex, "x/xz/xz-5.2.4-1-x86_64.pkg.tar.xz.sig"),
        ], locked.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => (f.Sha256.Hex, f.Name)));
        Assert.Equal(pacman.Signature, File.ReadAllBytes(Path.Combine(_root.Cache, "blobs", "sha256", pacmanSignature.Hex)));
        Assert.Equal("""{"Basename":"pacman-5.1.3-1-x86_64.pkg.tar.xz.sig"}""",
            File.ReadAllText(Path.Combine(_root.Cache, "metadata", "sha256", pacmanSignature.Hex)));
    }

    [Fact]
    public async Task InstalledVersionsNoSyncDatabaseListsAreOneErrorNamingThemAll()
    {
        var error = await Assert.ThrowsAsync<ReproGetException>(() =>
            _arch.Locker.LockAsync(_root.Context(), new LockRequest([], false), CancellationToken.None));

        Assert.Contains("bash 5.0.002-1 (x86_64)", error.Message);
        Assert.Contains("glibc 2.28-5 (x86_64)", error.Message);
        Assert.DoesNotContain("pacman", error.Message);
        Assert.Contains("pacman -Sy", error.Hint);
        Assert.Contains("--allow-missing", error.Hint);
    }

    [Fact]
    public async Task AllowMissingLocksTheRestAndWarnsOnceAboutTheGaps()
    {
        var locked = await _arch.Locker.LockAsync(_root.Context(), new LockRequest([], true), CancellationToken.None);

        Assert.Equal(["pacman-5.1.3-1-x86_64.pkg.tar.xz", "pacman-5.1.3-1-x86_64.pkg.tar.xz.sig", "xz-5.2.4-1-x86_64.pkg.tar.xz", "xz-5.2.4-1-x86_64.pkg.tar.xz.sig"],
            locked.Select(f => Path.GetFileName(f.Name)).Order(StringComparer.Ordinal));
        // One summary line however many are left out (MissingPackagesSummary); each one is also named under --debug.
        Assert.Contains("bash 5.0.002-1", Assert.Single(_root.Log.Warnings), StringComparison.Ordinal);
        Assert.Equal(2, _root.Log.Debugs.Count(d => d.Contains("left out of the lock", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ANamedPackageThatIsNotInstalledGetsItsCandidate()
    {
        var locked = await _arch.Locker.LockAsync(_root.Context(), new LockRequest(["zstd", "xz:x86_64"], false), CancellationToken.None);

        Assert.Contains(locked, f => f.Name == "z/zstd/zstd-1.4.0-1-x86_64.pkg.tar.xz");
        Assert.Contains(locked, f => f.Name == "x/xz/xz-5.2.4-1-x86_64.pkg.tar.xz");
        Assert.Contains(_root.Log.Infos, i => i.Contains("zstd is not installed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APackageNeitherInstalledNorKnownIsAnError()
    {
        var error = await Assert.ThrowsAsync<ReproGetException>(() =>
            _arch.Locker.LockAsync(_root.Context(), new LockRequest(["no-such-package"], false), CancellationToken.None));

        Assert.Contains("no-such-package (not installed)", error.Message);
    }

    [Fact]
    public async Task WithoutSyncDatabasesTheHintSaysToSync()
    {
        Directory.Delete(_root.PathInRoot("/var/lib/pacman/sync"), recursive: true);

        var error = await Assert.ThrowsAsync<ReproGetException>(() =>
            _arch.Locker.LockAsync(_root.Context(), new LockRequest(["xz"], false), CancellationToken.None));

        Assert.Contains("no sync database", error.Message);
        Assert.Contains("pacman -Sy", error.Hint);
    }

    [Fact]
    public async Task WithoutACacheSignaturesAreStillLockedButNothingIsWritten()
    {
        var locked = await _arch.Locker.LockAsync(_root.Context(withCache: false), new LockRequest(["xz"], false), CancellationToken.None);

        Assert.Equal(2, locked.Count);
        Assert.False(Directory.Exists(_root.Cache));
    }

    [Fact]
    public async Task ACacheThatCannotBeCreatedOnlyCostsTheCachedSignatures()
    {
        // A regular file where the cache directory should be: ContentCache.Open fails as it does for a user who
        // may not write the default /var/cache/repro-get.
        File.WriteAllText(_root.Cache, "not a directory");

        var locked = await _arch.Locker.LockAsync(_root.Context(), new LockRequest(["xz"], false), CancellationToken.None);

        Assert.Equal(2, locked.Count);
        Assert.Contains(_root.Log.Warnings, w => w.Contains("not cached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADatabaseWithoutPgpsigTakesTheSignatureFromPacmansCache()
    {
        // Hand-made: the real xz entry of core.db without its %PGPSIG% field, as a repository that does not embed
        // signatures serves it; pacman then keeps the downloaded .sig in its cache directory.
        var core = SyncDatabase.Read(_root.PathInRoot("/var/lib/pacman/sync/core.db"), "core");
        var xz = core.Single(p => p.Name == "xz");
        File.Delete(_root.PathInRoot("/var/lib/pacman/sync/core.db"));
        File.Delete(_root.PathInRoot("/var/lib/pacman/sync/multilib-testing.db"));
        WriteDatabase(_root.PathInRoot("/var/lib/pacman/sync/nosig.db"), "xz-5.2.4-1/desc",
            $"%FILENAME%\n{xz.FileName}\n\n%NAME%\nxz\n\n%VERSION%\n5.2.4-1\n\n%SHA256SUM%\n{xz.Sha256.Hex}\n\n%ARCH%\nx86_64\n\n");
        var cached = _root.PathInRoot("/var/cache/pacman/pkg/" + xz.FileName + ".sig");
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        File.WriteAllBytes(cached, xz.Signature!);

        var locked = await _arch.Locker.LockAsync(_root.Context(), new LockRequest(["xz"], false), CancellationToken.None);
        File.Delete(cached);
        var unsigned = await _arch.Locker.LockAsync(_root.Context(), new LockRequest(["xz"], false), CancellationToken.None);

        Assert.Equal(Sha256Hasher.HashBytes(xz.Signature).Hex, locked.Single(f => f.Name.EndsWith(".sig", StringComparison.Ordinal)).Sha256.Hex);
        Assert.Equal("x/xz/xz-5.2.4-1-x86_64.pkg.tar.xz", Assert.Single(unsigned).Name);
        Assert.Contains(_root.Log.Warnings, w => w.Contains("no signature for xz-5.2.4-1-x86_64.pkg.tar.xz", StringComparison.Ordinal));
    }

    public void Dispose() => _root.Dispose();

    private static void WriteDatabase(string path, string member, string desc)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip);
        var entry = new PaxTarEntry(TarEntryType.RegularFile, member) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(desc)) };
        tar.WriteEntry(entry);
    }
}
