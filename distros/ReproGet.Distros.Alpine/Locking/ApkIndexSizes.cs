using ReproGet.Core.Distros;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Distros.Alpine.Configuration;
using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Locking;

/// <summary>
/// The <c>S:</c> the APKINDEX files in apk's cache state for locked <c>.apk</c>s. APKINDEX names no SHA-256, so a
/// file is matched by its name (<c>P:</c>-<c>V:</c>.apk), which is exact per repository; nothing is fetched for this.
/// </summary>
internal sealed class ApkIndexSizes : IExpectedSizes
{
    public async Task<IReadOnlyDictionary<Sha256Digest, long>> FindAsync(DistroContext context, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken)
    {
        var byName = entries.GroupBy(e => e.Basename, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var sizes = new Dictionary<string, long?>(StringComparer.Ordinal);
        var indexes = new AlpineRoot(context).CacheDirectories.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "APKINDEX.*.tar.gz"));
        foreach (var path in indexes)
        {
            ApkIndexFile index;
            await using (var stream = File.OpenRead(path))
            {
                index = await ApkIndexReader.ReadAsync(stream, path, cancellationToken).ConfigureAwait(false);
            }
            foreach (var stanza in index.Packages)
            {
                if (stanza.Size is { } size && byName.ContainsKey(stanza.FileName))
                {
                    // Two indexes that disagree about one name (a rebuild) give no bound rather than a wrong one.
                    sizes[stanza.FileName] = sizes.TryGetValue(stanza.FileName, out var seen) && seen != size ? null : size;
                }
            }
        }
        return sizes.Where(s => s.Value is not null)
            .SelectMany(s => byName[s.Key].Select(e => (e.Sha256, Size: s.Value!.Value)))
            .DistinctBy(s => s.Sha256)
            .ToDictionary(s => s.Sha256, s => s.Size);
    }
}
