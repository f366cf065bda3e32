using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Locking;

/// <summary>
/// Compares two lockfiles entry by entry: packages by <c>name:arch</c> (so a new version is one change, not a removal
/// and an addition), other files (signatures, signed indexes under <c>dists/…</c>) by name, shown with their short
/// SHA-256. Comments are ignored.
/// </summary>
public static class LockComparison
{
    public static IReadOnlyList<LockDifference> Compare(string oldText, string newText)
    {
        var old = Entries(oldText);
        var fresh = Entries(newText);
        var differences = new List<LockDifference>();
        foreach (var key in old.Keys.Union(fresh.Keys).Order(StringComparer.Ordinal))
        {
            var had = old.TryGetValue(key, out var before);
            var has = fresh.TryGetValue(key, out var after);
            if (had && has && before.Sha256 != after.Sha256)
            {
                differences.Add(before.Version == after.Version
                    ? new LockDifference(key, $"{before.Version} ({Short(before.Sha256)})", $"{after.Version} ({Short(after.Sha256)})")
                    : new LockDifference(key, before.Version, after.Version));
            }
            else if (had != has)
            {
                differences.Add(new LockDifference(key, had ? before.Version : null, has ? after.Version : null));
            }
        }
        return differences;
    }

    private static string Short(string sha256) => "sha256 " + sha256[..12];

    private static Dictionary<string, (string Version, string Sha256)> Entries(string text)
    {
        var entries = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            if (!Sha256SumsLine.TryParse(raw.TrimEnd('\r'), out var line) || line.Name.StartsWith(Sha256SumsLine.IpfsPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            var package = new LockEntry(line.Name, Hashing.Sha256Digest.Parse(line.Sha256)).Package;
            var key = package is null ? line.Name : LockUpdate.Key(package);
            // A file that is no package (a signature, a signed index) has no version: its hash stands in.
            entries[key] = (package?.FullVersion ?? Short(line.Sha256), line.Sha256);
        }
        return entries;
    }
}
