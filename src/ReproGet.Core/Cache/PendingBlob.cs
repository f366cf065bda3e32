using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;

namespace ReproGet.Core.Cache;

/// <summary>
/// Bytes on their way into the cache: a temp file inside the blob directory, hashed as it is written. Only
/// <see cref="CommitAsync"/> with a matching digest moves it into place; disposing without a commit deletes it,
/// so nothing unverified is ever visible under <c>blobs/sha256/</c>.
/// </summary>
public sealed class PendingBlob : IAsyncDisposable
{
    private readonly ContentCache _cache;
    private readonly FileStream _file;
    private Sha256Hasher _hasher = Sha256Hasher.Create();
    private bool _committed;

    internal PendingBlob(ContentCache cache, string tempPath)
    {
        _cache = cache;
        TempPath = tempPath;
        _file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.None);
    }

    public string TempPath { get; }

    public long Length { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        _hasher.Append(data.Span);
        await _file.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        Length += data.Length;
    }

    /// <summary>Starts over from byte zero (a source that cannot resume sent the whole body again).</summary>
    public void Reset()
    {
        _file.SetLength(0);
        _file.Position = 0;
        _hasher.Dispose();
        _hasher = Sha256Hasher.Create();
        Length = 0;
    }

    /// <summary>Hashes what was written; if it is <paramref name="expected"/>, fsyncs and renames it into the cache.</summary>
    public async Task CommitAsync(Sha256Digest expected, string? basename, string what, CancellationToken cancellationToken)
    {
        var actual = _hasher.Finish();
        if (actual != expected)
        {
            throw new DigestMismatchException(what, expected.Hex, actual.Hex);
        }
        await MoveIntoPlaceAsync(actual, basename, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Commits under whatever digest the bytes have (imports); returns it.</summary>
    public async Task<Sha256Digest> CommitAsync(string? basename, CancellationToken cancellationToken)
    {
        var digest = _hasher.Finish();
        await MoveIntoPlaceAsync(digest, basename, cancellationToken).ConfigureAwait(false);
        return digest;
    }

    private async Task MoveIntoPlaceAsync(Sha256Digest digest, string? basename, CancellationToken cancellationToken)
    {
        await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        _file.Flush(flushToDisk: true);
        await _file.DisposeAsync().ConfigureAwait(false);
        // rename(2) is atomic: a reader sees either no blob or the whole verified one. Another process may have
        // committed the same digest meanwhile; the bytes are identical, so replacing it is harmless.
        File.Move(TempPath, _cache.BlobPath(digest), overwrite: true);
        _committed = true;
        if (basename is not null)
        {
            _cache.WriteBasename(digest, basename);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync().ConfigureAwait(false);
        _hasher.Dispose();
        if (!_committed)
        {
            File.Delete(TempPath);
        }
    }
}
