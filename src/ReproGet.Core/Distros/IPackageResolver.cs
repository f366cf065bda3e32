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

    /// <summary>The package database of the base (dpkg's status file); null = an empty system.</summary>
    public string? StatusFile { get; init; }

    /// <summary>A root whose trusted keys verify sources that name no key; null = the host's.</summary>
    public string? TrustRoot { get; init; }

    /// <summary>A keyring file for sources that name no key.</summary>
    public string? Keyring { get; init; }

    public DateTimeOffset? Snapshot { get; init; }

    /// <summary>The solver's private state (lists, caches), kept between runs; the caller picks it per sources and architecture.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Refresh the indexes even when the cached ones are younger than <see cref="MaxIndexAge"/>.</summary>
    public bool Refresh { get; init; }

    public TimeSpan MaxIndexAge { get; init; } = TimeSpan.FromHours(1);
}

/// <summary>The files the solver would download, as lock lines, and which solver chose them (<c>apt 2.6.1</c>).</summary>
public sealed record Resolution(IReadOnlyList<LockedFile> Files, string Solver);

/// <summary>A plugin's <see cref="IDistro.Resolver"/>: the distro's own solver, run in a private state.</summary>
public interface IPackageResolver
{
    Task<Resolution> ResolveAsync(ResolveRequest request, IStatusLog log, CancellationToken cancellationToken);
}
