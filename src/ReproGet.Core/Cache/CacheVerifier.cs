using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;

namespace ReproGet.Core.Cache;

/// <summary>
/// Re-hashes every blob through <see cref="ContentCache.OpenVerified"/>; a blob whose bytes no longer match its name,
/// or that is not a regular file (a symlink, a FIFO, a directory), is removed and reported.
/// </summary>
public sealed class CacheVerifier(ContentCache cache)
{
    public sealed record Corrupt(CachedBlob Blob, string Problem);

    public sealed record Result(int Checked, IReadOnlyList<Corrupt> Removed, IReadOnlyList<string> StaleTempFiles);

    public async Task<Result> VerifyAsync(CancellationToken cancellationToken)
    {
        var removed = new List<Corrupt>();
        var count = 0;
        foreach (var blob in cache.List().Concat(cache.ListMisplacedDirectories()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            count++;
            try
            {
                await using var stream = cache.OpenVerified(blob.Sha256);
                await stream.VerifyToEndAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CorruptBlobException e)
            {
                removed.Add(new Corrupt(blob, e.Message));
            }
        }
        var stale = cache.RemoveStaleTempFiles(TimeSpan.FromHours(1));
        return new Result(count, removed, stale);
    }
}
