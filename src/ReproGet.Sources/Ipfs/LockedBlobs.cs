using System.Text;
using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Sources.Ipfs;

/// <summary>The blobs behind lock entries, as push and CAR export take them: one per SHA-256, all in the cache.</summary>
public static class LockedBlobs
{
    /// <summary>One entry per SHA-256 (one that carries a CID if any does, then the first by name), in name order.</summary>
    public static IReadOnlyList<LockEntry> Distinct(IEnumerable<LockEntry> entries) =>
    [
        .. entries.GroupBy(e => e.Sha256)
            .Select(g => g.OrderBy(e => e.Cid is null).ThenBy(e => e.Name, StringComparer.Ordinal).First())
            .OrderBy(e => e.Name, StringComparer.Ordinal),
    ];

    /// <summary>Throws, listing every entry whose blob is not cached, before any work starts.</summary>
    public static void RequireCached(IReadOnlyList<LockEntry> entries, ContentCache cache, string purpose)
    {
        var missing = entries.Where(e => !cache.Contains(e.Sha256)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var list = new StringBuilder($"{missing.Count} of {entries.Count} files to {purpose} are not in the cache {cache.Root}:");
        foreach (var entry in missing)
        {
            list.Append("\n  ").Append(entry.Name).Append(" (sha256 ").Append(entry.Sha256.Hex).Append(')');
        }
        throw new ReproGetException(list.ToString(), "fetch them first: repro-get download LOCKFILE… (with the same --cache)");
    }
}
