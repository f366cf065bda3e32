namespace ReproGet.Core.Operations.Locking;

/// <summary>
/// What to lock: named packages (empty = everything installed), whether packages no index knows are left out with a
/// warning (<c>--allow-missing</c>) instead of failing, and a lockfile whose identical lines are left out (<c>--dedupe</c>).
/// </summary>
public sealed record LockRequest(IReadOnlyList<string> Packages, bool AllowMissing)
{
    public string? DedupeAgainst { get; init; }

    /// <summary>Where to write every package left out, one per line (<c>--report FILE</c>); null: the summary line only.</summary>
    public string? ReportPath { get; init; }

    /// <summary>The snapshot archive to look up installed versions the indexes lack (<c>--snapshot-base</c>); null: none.</summary>
    public string? SnapshotArchive { get; init; }
}
