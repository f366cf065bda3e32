using ReproGet.Core.Hashing;

namespace ReproGet.Core.Distros;

/// <summary>One generated lock line and the package version it pins (for <c>hash update</c>'s report).</summary>
public sealed record LockedFile(Sha256Digest Sha256, string Name)
{
    /// <summary>
    /// For a file of the signature chain: the names of the locked files it proves. <c>--dedupe</c> keeps it while any
    /// of them stays; <c>hash update</c> replaces it with the fresh chain. Null for package files.
    /// </summary>
    public IReadOnlyList<string>? Proves { get; init; }
}

/// <summary>What to lock: named packages (empty = everything installed) and how to treat gaps.</summary>
public sealed record LockRequest(IReadOnlyList<string> Packages, bool AllowMissing)
{
    /// <summary>Also lock the distro's signature chain for the locked files (Debian: InRelease and Packages), verified first.</summary>
    public bool Provenance { get; init; } = true;
}

/// <summary>A plugin's <see cref="IDistro.Locker"/>: writes lock lines from the package manager's own databases and indexes.</summary>
public interface IPackageLocker
{
    Task<IReadOnlyList<LockedFile>> LockAsync(DistroContext context, LockRequest request, CancellationToken cancellationToken);
}
