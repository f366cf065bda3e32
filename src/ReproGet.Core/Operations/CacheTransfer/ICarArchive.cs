using ReproGet.Core.Cache;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.CacheTransfer;

/// <summary>
/// CARv1 files of the IPFS DAGs of locked blobs: written from the cache, imported into it block by block verified.
/// Implemented by the sources assembly (with the run's UnixFS layout), composed by the caller.
/// </summary>
public interface ICarArchive
{
    /// <summary>Writes the CAR of <paramref name="entries"/> (roots: their CIDs); returns each blob's entry with its CID.</summary>
    Task<IReadOnlyList<LockEntry>> WriteAsync(ContentCache cache, string carPath, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken);

    /// <summary>
    /// Imports every root of the CAR into the cache as a file; a root <paramref name="entries"/> names (by CID, else by
    /// SHA-256) must match it and takes its name. Returns each imported file's entry with its CID.
    /// </summary>
    Task<IReadOnlyList<LockEntry>> ImportAsync(ContentCache cache, string carPath, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken);
}
