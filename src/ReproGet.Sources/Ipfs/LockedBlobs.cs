using ReproGet.Core.Lockfiles;

namespace ReproGet.Sources.Ipfs;

/// <summary>The blobs behind lock entries, as push and CAR export take them: one per SHA-256.</summary>
public static class LockedBlobs
{
    /// <summary>One entry per SHA-256 (one that carries a CID if any does, then the first by name), in name order.</summary>
    public static IReadOnlyList<LockEntry> Distinct(IEnumerable<LockEntry> entries) =>
    [
        .. entries.GroupBy(e => e.Sha256)
            .Select(g => g.OrderBy(e => e.Cid is null).ThenBy(e => e.Name, StringComparer.Ordinal).First())
            .OrderBy(e => e.Name, StringComparer.Ordinal),
    ];
}
