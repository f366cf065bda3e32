using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Locking;

/// <summary>The packages of all loaded indexes, looked up by control checksum (exact file) or by name (newest version).</summary>
public sealed class ApkIndexSet
{
    private readonly Dictionary<ApkChecksum, IndexedPackage> _byChecksum = [];
    private readonly Dictionary<string, List<IndexedPackage>> _byName = new(StringComparer.Ordinal);

    public ApkIndexSet(IEnumerable<RepositoryIndex> indexes)
    {
        foreach (var index in indexes)
        {
            foreach (var stanza in index.Index.Packages)
            {
                var package = new IndexedPackage(index.Repository, stanza);
                if (stanza.Checksum is { } checksum)
                {
                    // Repository order decides, as it does for apk.
                    _byChecksum.TryAdd(checksum, package);
                }
                if (!_byName.TryGetValue(stanza.Name, out var list))
                {
                    _byName[stanza.Name] = list = [];
                }
                list.Add(package);
            }
        }
    }

    /// <summary>The exact package file with this <c>C:</c>, in the first repository that lists it.</summary>
    public IndexedPackage? FindByChecksum(ApkChecksum checksum) => _byChecksum.GetValueOrDefault(checksum);

    /// <summary>The newest version of a package; among equal versions, the first repository's.</summary>
    public IndexedPackage? FindNewest(string name)
    {
        if (!_byName.TryGetValue(name, out var candidates))
        {
            return null;
        }
        var best = candidates[0];
        foreach (var candidate in candidates.Skip(1))
        {
            if (ApkVersion.Compare(candidate.Stanza.Version, best.Stanza.Version) > 0)
            {
                best = candidate;
            }
        }
        return best;
    }
}
