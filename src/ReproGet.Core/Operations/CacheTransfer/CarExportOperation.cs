using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.CacheTransfer;

/// <summary>What a CAR export wrote: each file's entry with its CID (for <c>&lt;sha256&gt;  /ipfs/&lt;CID&gt;</c> lines) and the CAR's size.</summary>
public sealed record CarExportReport(string Path, IReadOnlyList<LockEntry> Files, long Bytes);

/// <summary><c>ipfs car export</c> and <c>cache export --car</c>: one CARv1 of the locked files' DAGs, from the cache.</summary>
public static class CarExportOperation
{
    public static async Task<CarExportReport> ExportAsync(OperationContext context, ICarArchive car, string path, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken)
    {
        var written = await car.WriteAsync(context.Cache.Open(), path, entries, cancellationToken).ConfigureAwait(false);
        return new CarExportReport(path, written, new FileInfo(path).Length);
    }
}
