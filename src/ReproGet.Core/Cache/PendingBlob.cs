using Microsoft.Win32.SafeHandles;
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
    private readonly SafeFileHandle _file;
    private Sha256Hasher _hasher = Sha256Hasher.Create();
    private bool _committed;
    private long _writebackStarted;

    // Writeback starts every few MiB, so the disk works while the download goes on instead of all at the fsync.
    private const long WritebackChunk = 4 << 20;

    internal PendingBlob(ContentCache cache, string tempPath)
    {
        _cache = cache;
        TempPath = tempPath;
        _file = File.OpenHandle(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }

    public string TempPath { get; }

    public long Length { get; private set; }

    /// <summary>
    /// Hashes and appends <paramref name="data"/>. The write goes to the page cache synchronously: an asynchronous
    /// file write on Linux is a thread-pool hop per chunk, which costs more than the copy, and FileStream's own
    /// buffer would only copy the bytes once more.
    /// </summary>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _hasher.Append(data.Span);
        RandomAccess.Write(_file, data.Span, Length);
        Length += data.Length;
        if (Length - _writebackStarted >= WritebackChunk)
        {
            WritebackHint.Start(_file, _writebackStarted, Length - _writebackStarted);
            _writebackStarted = Length;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts over from byte zero (a source that cannot resume sent the whole body again).</summary>
    public void Reset()
    {
        RandomAccess.SetLength(_file, 0);
        _writebackStarted = 0;
        _hasher.Dispose();
        _hasher = Sha256Hasher.Create();
        Length = 0;
    }

    /// <summary>Hashes what was written; if it is <paramref name="expected"/>, fsyncs and renames it into the cache.</summary>
    public Task CommitAsync(Sha256Digest expected, string? basename, string what, CancellationToken cancellationToken)
    {
        var actual = _hasher.Finish();
        if (actual != expected)
        {
            throw new DigestMismatchException(what, expected.Hex, actual.Hex);
        }
        MoveIntoPlace(actual, basename, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>Commits under whatever digest the bytes have (imports); returns it.</summary>
    public Task<Sha256Digest> CommitAsync(string? basename, CancellationToken cancellationToken)
    {
        var digest = _hasher.Finish();
        MoveIntoPlace(digest, basename, cancellationToken);
        return Task.FromResult(digest);
    }

    private void MoveIntoPlace(Sha256Digest digest, string? basename, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Durable before visible: after a crash a blob is either absent or whole.
        RandomAccess.FlushToDisk(_file);
        _file.Dispose();
        // rename(2) is atomic: a reader sees either no blob or the whole verified one. Another process may have
        // committed the same digest meanwhile; the bytes are identical, so replacing it is harmless.
        File.Move(TempPath, _cache.BlobPath(digest), overwrite: true);
        _committed = true;
        if (basename is not null)
        {
            _cache.WriteBasename(digest, basename);
        }
    }

    public ValueTask DisposeAsync()
    {
        _file.Dispose();
        _hasher.Dispose();
        if (!_committed)
        {
            File.Delete(TempPath);
        }
        return ValueTask.CompletedTask;
    }
}
