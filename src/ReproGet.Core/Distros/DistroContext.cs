using ReproGet.Core.Cache;

namespace ReproGet.Core.Distros;

/// <summary>
/// What a plugin works on: the system root whose package databases it reads and installs into (<c>/</c>, or an
/// unpacked image or chroot given with <c>--root</c>), where it reports, and the capabilities of the run it may use.
/// A plugin gets no cache path and no source factory: it uses the open cache and the reader it is given.
/// </summary>
public sealed record DistroContext(string Root, IStatusLog Log)
{
    /// <summary>
    /// The run's content cache, for plugins that put files into it while locking (Arch stores the signatures it reads
    /// from pacman's databases, Alpine the files it reads once to learn their SHA-256); null when the caller has none.
    /// </summary>
    public CacheAccess? Cache { get; init; }

    /// <summary>Opens repository files (indexes, packages) by URL with the run's fetch options; null when the caller has none.</summary>
    public IRepositoryReader? Repositories { get; init; }

    /// <summary>
    /// Whether a locker also locks the distro's signature chain for the files it locks (Debian: InRelease and Packages,
    /// verified first); <c>hash generate --no-provenance</c> turns it off.
    /// </summary>
    public bool LockProvenance { get; init; } = true;

    /// <summary>
    /// The base URL of a snapshot archive (snapshot.debian.org's layout) where a locker may look up installed versions
    /// the package manager's indexes no longer carry; null: do not (<c>--no-snapshot</c>, and every command but a lock).
    /// </summary>
    public string? SnapshotArchive { get; init; }

    /// <summary>The run's clock (tests move it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>An absolute path inside the root: <c>RootPath("/var/lib/dpkg/status")</c>.</summary>
    public string RootPath(string absolute) =>
        Root == "/" ? absolute : Path.Combine(Root, absolute.TrimStart('/'));
}
