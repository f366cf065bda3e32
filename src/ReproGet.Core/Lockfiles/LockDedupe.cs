using ReproGet.Core.Distros;

namespace ReproGet.Core.Lockfiles;

/// <summary><c>--dedupe FILE</c>: drop generated lines that FILE already pins with the same name and hash (a base image's lock).</summary>
public static class LockDedupe
{
    public static IReadOnlyList<LockedFile> Apply(IReadOnlyList<LockedFile> generated, string dedupePath)
    {
        var pinned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Sha256SumsReader.ReadPairs(dedupePath))
        {
            pinned[line.Name] = line.Sha256;
        }
        return [.. generated.Where(f => !(pinned.TryGetValue(f.Name, out var sha) && sha == f.Sha256.Hex))];
    }
}
