namespace ReproGet.Core.Operations.Locking;

/// <summary>
/// What to lock: named packages (empty = everything installed), whether packages no index knows are left out with a
/// warning (<c>--allow-missing</c>) instead of failing, and a lockfile whose identical lines are left out (<c>--dedupe</c>).
/// </summary>
public sealed record LockRequest(IReadOnlyList<string> Packages, bool AllowMissing)
{
    public string? DedupeAgainst { get; init; }

    /// <summary>Also lock the distro's signature chain (Debian: InRelease and Packages lines), verified first.</summary>
    public bool Provenance { get; init; } = true;
}
