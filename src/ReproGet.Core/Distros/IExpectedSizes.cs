using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Distros;

/// <summary>
/// The sizes the distro's own indexes in the root state for locked files (Debian's <c>Size:</c> in apt's lists, rpm's
/// repodata, pacman's <c>%CSIZE%</c>, APKINDEX <c>S:</c>). The fetcher takes each as that file's upper bound: no
/// provider may send more or announce another size. A size is only a bound, never trusted for content (the SHA-256
/// still decides), so an index that lists a file with the wrong size can only make its download fail.
/// </summary>
public interface IExpectedSizes
{
    /// <summary>The sizes known for <paramref name="entries"/>, by SHA-256; entries no index lists are absent.</summary>
    Task<IReadOnlyDictionary<Sha256Digest, long>> FindAsync(DistroContext context, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken);
}
