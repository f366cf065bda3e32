using ReproGet.Core.Cache;

namespace ReproGet.Core.Distros;

/// <summary>
/// What <c>lock</c> asks a plugin's solver: the packages to install on top of a base (a dpkg status file, or an
/// empty system), from these sources, for one architecture, as of an optional snapshot time.
/// </summary>
public sealed record ResolveRequest
{
    /// <summary>The project's sources, as the distro writes them (apt one-line strings for Debian and Ubuntu).</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    public required string Architecture { get; init; }

    /// <summary><c>NAME</c> or <c>NAME=VERSION</c>.</summary>
    public required IReadOnlyList<string> Packages { get; init; }

    public bool Recommends { get; init; }

    /// <summary>A dpkg status file the packages go on top of (Debian and Ubuntu only); null = see <see cref="BaseRoot"/>.</summary>
    public string? StatusFile { get; init; }

    /// <summary>
    /// A root the packages go on top of: its package database (dpkg status, rpm database, pacman's local database) and
    /// its trusted keys for sources that name none. Null with no <see cref="StatusFile"/> = an empty system, the host's keys.
    /// </summary>
    public string? BaseRoot { get; init; }

    /// <summary>The distro release the sources are read for, where the solver needs one (dnf's <c>$releasever</c>).</summary>
    public string? Release { get; init; }

    /// <summary>A keyring file for sources that name no key.</summary>
    public string? Keyring { get; init; }

    public DateTimeOffset? Snapshot { get; init; }

    /// <summary>The solver's private state (lists, caches), kept between runs; the caller picks it per sources and architecture.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Refresh the indexes even when the cached ones are younger than <see cref="MaxIndexAge"/>.</summary>
    public bool Refresh { get; init; }

    public TimeSpan MaxIndexAge { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether the lock also pins the distro's signature chain for the files it resolves (Debian: <c>dists/…/InRelease</c>
    /// and <c>Packages</c>, checked first, as <c>hash generate</c> writes them); <c>lock --no-provenance</c> turns it off.
    /// </summary>
    public bool LockProvenance { get; init; } = true;

    /// <summary>The run's content cache, where the chain's files are put (so download, bundle and install have them); null = none.</summary>
    public CacheAccess? Cache { get; init; }
}

/// <summary>The files the solver would download, as lock lines, and which solver chose them (<c>apt 2.6.1</c>).</summary>
public sealed record Resolution(IReadOnlyList<LockedFile> Files, string Solver);

/// <summary>A plugin's <see cref="IDistro.Resolver"/>: the distro's own solver, run in a private state.</summary>
public interface IPackageResolver
{
    Task<Resolution> ResolveAsync(ResolveRequest request, IStatusLog log, CancellationToken cancellationToken);
}
