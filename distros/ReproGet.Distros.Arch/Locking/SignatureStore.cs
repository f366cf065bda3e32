using ReproGet.Core.Cache;
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

    /// <summary>A store over the cache at <paramref name="cacheRoot"/>; without one, signatures are only hashed.</summary>
    public static SignatureStore Open(string? cacheRoot) => new(cacheRoot is null ? null : ContentCache.Open(cacheRoot));

    public bool Caches => _cache is not null;

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
