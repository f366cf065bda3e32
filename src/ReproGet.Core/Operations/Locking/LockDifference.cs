namespace ReproGet.Core.Operations.Locking;

/// <summary>
/// One way a lock differs from a fresh resolution: a package added (<see cref="Old"/> null), removed
/// (<see cref="New"/> null), or changed (<c>pkg: old → new</c>; the same version with another SHA-256 says so).
/// </summary>
public sealed record LockDifference(string Key, string? Old, string? New)
{
    public override string ToString() => (Old, New) switch
    {
        (null, _) => $"added {Key} {New}",
        (_, null) => $"removed {Key} {Old}",
        _ => $"{Key}: {Old} → {New}",
    };
}
