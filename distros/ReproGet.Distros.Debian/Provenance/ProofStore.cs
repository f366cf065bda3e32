using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Formats.Compression;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// Puts the chain's files into the content cache while locking (they are ordinary content-addressed entries, so
/// download, bundle, oci/ipfs push and cache export carry them). Without a usable cache the chain is still checked
/// and locked, with one warning.
/// </summary>
internal sealed class ProofStore : IDisposable
{
    private readonly ContentCache? _cache;

    private ProofStore(ContentCache? cache) => _cache = cache;

    public static ProofStore Open(DistroContext context)
    {
        if (context.Cache is null)
        {
            return new ProofStore(null);
        }
        try
        {
            return new ProofStore(context.Cache.Open());
        }
        catch (ReproGetException e)
        {
            context.Log.Warn($"{e.Message}: the signature chain is locked but not cached; verify and install will fetch it from the providers");
            return new ProofStore(null);
        }
    }

    public async Task StoreFileAsync(string path, Sha256Digest sha256, string lockName, CancellationToken cancellationToken)
    {
        if (_cache is not { } cache || cache.Contains(sha256))
        {
            return;
        }
        await using var pending = cache.BeginWrite("provenance");
        await pending.WriteAsync(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        await pending.CommitAsync(sha256, Flatten(lockName), path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One pass over an apt list: inflates it, hashes and scans the plain index, and, when it is the
    /// <paramref name="expected"/> index, writes it into the cache. A cached copy is scanned instead of the list.
    /// </summary>
    public async Task<PackagesIndexScan> ScanIndexAsync(string listPath, string lockName, Sha256Digest expected, IReadOnlySet<string> filenames,
        CancellationToken cancellationToken)
    {
        if (_cache is not { } cache)
        {
            return PackagesIndexScan.Read(Decompression.OpenFile(listPath), lockName, filenames);
        }
        if (cache.Contains(expected))
        {
            return PackagesIndexScan.ReadFile(cache.BlobPath(expected), lockName, filenames);
        }
        await using var pending = cache.BeginWrite("provenance");
        var scan = PackagesIndexScan.Read(new CopyingReadStream(Decompression.OpenFile(listPath), pending), lockName, filenames);
        if (scan.Sha256 == expected)
        {
            await pending.CommitAsync(expected, Flatten(lockName), listPath, cancellationToken).ConfigureAwait(false);
        }
        return scan;
    }

    // The cache belongs to the run (CacheAccess): not closed here.
    public void Dispose()
    {
    }

    // The name cache export writes the file under: unique per suite, like apt's own list names.
    private static string Flatten(string lockName) => lockName.Replace('/', '_');
}
