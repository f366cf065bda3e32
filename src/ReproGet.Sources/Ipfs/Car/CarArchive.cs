using ReproGet.Core.Cache;
using ReproGet.Core.Fetching;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.CacheTransfer;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Car;

/// <summary>Core's <see cref="ICarArchive"/>: <see cref="CarBundleWriter"/> with one UnixFS layout, <see cref="CarBundleImporter"/> with one size bound.</summary>
public sealed class CarArchive(UnixFsImportOptions layout, long maxFileSize = FetchOptions.DefaultMaxFileSize) : ICarArchive
{
    public Task<IReadOnlyList<LockEntry>> WriteAsync(ContentCache cache, string carPath, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken) =>
        new CarBundleWriter(cache, layout).WriteAsync(carPath, entries, cancellationToken);

    public Task<IReadOnlyList<LockEntry>> ImportAsync(ContentCache cache, string carPath, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken) =>
        new CarBundleImporter(cache, maxFileSize).ImportAsync(carPath, entries, cancellationToken);
}
