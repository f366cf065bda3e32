using ReproGet.Core.Hashing;

namespace ReproGet.Core.Distros;

/// <summary>One generated lock line and the package version it pins (for <c>hash update</c>'s report).</summary>
public sealed record LockedFile(Sha256Digest Sha256, string Name);

/// <summary>What to lock: named packages (empty = everything installed) and how to treat gaps.</summary>
public sealed record LockRequest(IReadOnlyList<string> Packages, bool AllowMissing)
{
    /// <summary>Where to write every package left out, one per line (<c>--report FILE</c>); null: only the summary line.</summary>
    public string? ReportPath { get; init; }
}

/// <summary>A plugin's <see cref="IDistro.Locker"/>: writes lock lines from the package manager's own databases and indexes.</summary>
public interface IPackageLocker
{
    Task<IReadOnlyList<LockedFile>> LockAsync(DistroContext context, LockRequest request, CancellationToken cancellationToken);
}
