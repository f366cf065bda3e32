using ReproGet.Core.Distros;
using ReproGet.Core.Errors;

namespace ReproGet.Distros.Arch.Locking;

/// <summary>
/// Puts the signature bytes read from a sync database into the run's content cache while locking, so a later
/// <c>download</c> or <c>install</c> has them even when no provider serves <c>.sig</c> files.
/// </summary>
internal static class SignatureStore
{
    /// <summary>
    /// Writes the signatures the cache does not hold yet. Without a cache, or when it cannot be opened (a user without
    /// write access to the default cache), signatures are only hashed: locking needs no cache.
    /// </summary>
    public static async Task StoreAsync(DistroContext context, IEnumerable<LockedSignature> signatures, CancellationToken cancellationToken)
    {
        if (context.Cache is null)
        {
            return;
        }
        Core.Cache.ContentCache cache;
        try
        {
            cache = context.Cache.Open();
        }
        catch (ReproGetException e)
        {
            context.Log.Warn($"{e.Message}: the signatures are locked but not cached; download and install will fetch them from the providers");
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
}
