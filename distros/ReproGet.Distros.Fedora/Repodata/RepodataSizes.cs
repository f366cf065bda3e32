using ReproGet.Core.Distros;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Distros.Fedora.Repodata;

/// <summary>The sizes dnf's cached <c>primary.xml</c> files state for locked rpms, matched by their SHA-256 checksum.</summary>
internal sealed class RepodataSizes : IExpectedSizes
{
    public async Task<IReadOnlyDictionary<Sha256Digest, long>> FindAsync(DistroContext context, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken)
    {
        var repositories = CachedRepository.Find(context.RootPath);
        if (repositories.Count == 0)
        {
            return new Dictionary<Sha256Digest, long>();
        }
        var wanted = entries.Select(e => e.Sha256).ToHashSet();
        var index = await RepositoryIndex.LoadAsync(repositories, cancellationToken).ConfigureAwait(false);
        return index.All
            .Where(p => p.Size is not null && wanted.Contains(p.Sha256))
            .DistinctBy(p => p.Sha256)
            .ToDictionary(p => p.Sha256, p => p.Size!.Value);
    }
}
