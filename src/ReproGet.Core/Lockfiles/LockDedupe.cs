using ReproGet.Core.Distros;

namespace ReproGet.Core.Lockfiles;

/// <summary>
/// <c>--dedupe FILE</c>: drop generated lines that FILE already pins with the same name and hash (a base image's lock).
/// A chain file (<see cref="LockedFile.Proves"/>) stays while a file it proves stays, even when the base pins it too:
/// the final lock must carry its own proof; it goes when nothing it proves is left.
/// </summary>
public static class LockDedupe
{
    public static IReadOnlyList<LockedFile> Apply(IReadOnlyList<LockedFile> generated, string dedupePath)
    {
        var pinned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Sha256SumsReader.ReadPairs(dedupePath))
        {
            pinned[line.Name] = line.Sha256;
        }
        var kept = generated.Where(f => f.Proves is null && !(pinned.TryGetValue(f.Name, out var sha) && sha == f.Sha256.Hex)).ToList();
        var keptNames = kept.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return [.. generated.Where(f => f.Proves is null ? keptNames.Contains(f.Name) : f.Proves.Any(keptNames.Contains))];
    }
}
