using ReproGet.Core.Distros;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Distros.Arch.Configuration;

namespace ReproGet.Distros.Arch.Database;

/// <summary>The <c>%CSIZE%</c> pacman's sync databases state for locked packages, matched by <c>%SHA256SUM%</c>.</summary>
internal sealed class SyncDatabaseSizes : IExpectedSizes
{
    public Task<IReadOnlyDictionary<Sha256Digest, long>> FindAsync(DistroContext context, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Sha256Digest, long>>(Find(context, entries));

    private static Dictionary<Sha256Digest, long> Find(DistroContext context, IReadOnlyList<LockEntry> entries)
    {
        var wanted = entries.Select(e => e.Sha256).ToHashSet();
        var config = PacmanConfig.Load(context);
        var index = SyncIndex.Load(Path.Combine(context.RootPath(config.DatabasePath), "sync"), config);
        return index.All
            .Where(p => p.CompressedSize is not null && wanted.Contains(p.Sha256))
            .DistinctBy(p => p.Sha256)
            .ToDictionary(p => p.Sha256, p => p.CompressedSize!.Value);
    }
}
