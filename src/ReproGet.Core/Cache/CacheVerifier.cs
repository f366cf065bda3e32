using ReproGet.Core.Hashing;

namespace ReproGet.Core.Cache;

/// <summary>Re-hashes every blob; a blob whose bytes no longer match its name is removed and reported.</summary>
public sealed class CacheVerifier(ContentCache cache)
{
    public sealed record Corrupt(CachedBlob Blob, Sha256Digest Actual);

    public sealed record Result(int Checked, IReadOnlyList<Corrupt> Removed, IReadOnlyList<string> StaleTempFiles);

    public async Task<Result> VerifyAsync(CancellationToken cancellationToken)
    {
        var removed = new List<Corrupt>();
        var count = 0;
        foreach (var blob in cache.List())
        {
            count++;
            var actual = await Sha256Hasher.HashFileAsync(cache.BlobPath(blob.Sha256), cancellationToken).ConfigureAwait(false);
            if (actual != blob.Sha256)
            {
                cache.Remove(blob.Sha256);
                removed.Add(new Corrupt(blob, actual));
            }
        }
        var stale = cache.RemoveStaleTempFiles(TimeSpan.FromHours(1));
        return new Result(count, removed, stale);
    }
}
