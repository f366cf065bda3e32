using ReproGet.Core.Cache;

namespace ReproGet.Core.Operations.CacheTransfer;

/// <summary>
/// <c>cache export DIR</c>: every cached blob copied into a directory under its original base name, re-hashed on its
/// way out (<see cref="CacheExporter"/>); a corrupt blob is reported, not exported.
/// </summary>
public static class CacheExportOperation
{
    public static Task<CacheExporter.Result> ExportAsync(OperationContext context, string directory, CancellationToken cancellationToken) =>
        new CacheExporter(context.Cache.Open()).ExportAsync(directory, cancellationToken);
}
