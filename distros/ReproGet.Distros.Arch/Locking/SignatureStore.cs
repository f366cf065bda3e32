using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;

namespace ReproGet.Distros.Arch.Locking;

/// <summary>
/// Puts the signature bytes read from a sync database into the content cache while locking, so a later
/// <c>download</c> or <c>install</c> has them even when no provider serves <c>.sig</c> files.
/// </summary>
internal sealed class SignatureStore : IDisposable
{
    private readonly ContentCache? _cache;

    private SignatureStore(ContentCache? cache) => _cache = cache;

    /// <summary>
    /// A store over the cache at <paramref name="cacheRoot"/>. Without one, or when it cannot be opened (a user
    /// without write access to the default cache), signatures are only hashed: locking needs no cache.
    /// </summary>
    public static SignatureStore Open(string? cacheRoot, IStatusLog log)
    {
        if (cacheRoot is null)
        {
            return new SignatureStore(null);
        }
        try
        {
            return new SignatureStore(ContentCache.Open(cacheRoot));
        }
        catch (ReproGetException e)
        {
            log.Warn($"{e.Message}: the signatures are locked but not cached; download and install will fetch them from the providers");
            return new SignatureStore(null);
        }
    }

    /// <summary>Writes the signatures the cache does not hold yet.</summary>
    public async Task StoreAsync(IEnumerable<LockedSignature> signatures, CancellationToken cancellationToken)
    {
        if (_cache is not { } cache)
        {
            return;
        }
        // Every commit fsyncs; one after another they were most of the time spent locking a large root.
        var missing = signatures.DistinctBy(s => s.Sha256).Where(s => !cache.Contains(s.Sha256));
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(missing, options, async (signature, token) =>
        {
            await using var pending = cache.BeginWrite("signature");
            await pending.WriteAsync(signature.Bytes, token).ConfigureAwait(false);
            await pending.CommitAsync(signature.Sha256, signature.Basename, signature.Basename, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public void Dispose() => _cache?.Dispose();
}
