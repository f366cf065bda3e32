using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;

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

    public async Task<Sha256Digest> StoreAsync(byte[] signature, string basename, CancellationToken cancellationToken)
    {
        var digest = Sha256Hasher.HashBytes(signature);
        if (_cache is null || _cache.Contains(digest))
        {
            return digest;
        }
        await using var pending = _cache.BeginWrite("signature");
        await pending.WriteAsync(signature, cancellationToken).ConfigureAwait(false);
        await pending.CommitAsync(digest, basename, basename, cancellationToken).ConfigureAwait(false);
        return digest;
    }

    public void Dispose() => _cache?.Dispose();
}
