using ReproGet.Core.Cache;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.CacheTransfer;

/// <summary>
/// What <c>cache import</c> did: the files of the CARs it imported (with their CIDs), the other files (a bundle's
/// blobs among them), and how many rebuilder attestations of bundles it recorded.
/// </summary>
public sealed record CacheImportReport(IReadOnlyList<LockEntry> FromCars, CacheImporter.Result Files, int Attestations)
{
    public bool Succeeded => Files.Errors.Count == 0;
}

/// <summary>
/// <c>cache import</c> and <c>ipfs car import</c>: files (directories recursively) go into the cache under their own
/// digest; a <c>FILE.car</c> is imported as the files its roots hold, every block checked against its CID; a directory
/// <c>bundle</c> wrote is imported as the cache it carries (<see cref="BundleImport"/>).
/// </summary>
public static class CacheImportOperation
{
    public const string CarSuffix = ".car";

    public static async Task<CacheImportReport> ImportAsync(OperationContext context, ICarArchive car, IReadOnlyList<string> paths,
        CancellationToken cancellationToken)
    {
        var cars = paths.Where(p => p.EndsWith(CarSuffix, StringComparison.Ordinal) && File.Exists(p)).ToList();
        var bundles = paths.Where(p => Directory.Exists(p) && BundleImport.IsBundle(p)).ToList();
        var fromCars = new List<LockEntry>();
        foreach (var path in cars)
        {
            fromCars.AddRange(await ImportCarAsync(context, car, path, [], cancellationToken).ConfigureAwait(false));
        }
        var cache = context.Cache.Open();
        var files = await new CacheImporter(cache).ImportAsync(paths.Except(cars).Except(bundles), cancellationToken).ConfigureAwait(false);
        var attestations = 0;
        foreach (var bundle in bundles)
        {
            var (blobs, recorded) = await BundleImport.ImportAsync(cache, bundle, cancellationToken).ConfigureAwait(false);
            files = new CacheImporter.Result([.. files.Imported, .. blobs.Imported], [.. files.Errors, .. blobs.Errors]);
            attestations += recorded;
        }
        return new CacheImportReport(fromCars, files, attestations);
    }

    /// <summary>Imports every root of one CAR; a root <paramref name="entries"/> names must match it and takes its name.</summary>
    public static Task<IReadOnlyList<LockEntry>> ImportCarAsync(OperationContext context, ICarArchive car, string path,
        IReadOnlyList<LockEntry> entries, CancellationToken cancellationToken) =>
        car.ImportAsync(context.Cache.Open(), path, entries, cancellationToken);
}
