using ReproGet.Core.Errors;
using ReproGet.Core.Files;
using ReproGet.Core.Hashing;

namespace ReproGet.Core.Cache;

/// <summary>
/// Bytes on their way into the cache: a temp file inside the blob directory, hashed as it is written. Only
/// <see cref="CommitAsync(Sha256Digest, string?, string, CancellationToken)"/> with a matching digest moves it into
/// place; disposing without a commit deletes it, so nothing unverified is ever visible under <c>blobs/sha256/</c>.
/// </summary>
public sealed class PendingBlob : IAsyncDisposable
{
    private readonly ContentCache _cache;
    private readonly BlobFileWriter _writer;
    private readonly IDisposable _tracked;
    private Sha256Hasher _hasher = Sha256Hasher.Create();
    private bool _committed;

    internal PendingBlob(ContentCache cache, string tempPath)
        : this(cache, tempPath, new BlobFileWriter(tempPath))
    {
    }

    private PendingBlob(ContentCache cache, string tempPath, BlobFileWriter writer)
    {
        _cache = cache;
        TempPath = tempPath;
        _writer = writer;
        _tracked = TemporaryPaths.Track(tempPath);
    }

    /// <summary>
    /// Takes over an orphaned temp file (no process holds its lock) and hashes the bytes it holds, so a download
    /// resumes after them; null when it is live in another transfer or cannot be read.
    /// </summary>
    internal static PendingBlob? TryAdopt(ContentCache cache, string tempPath)
    {
        var writer = BlobFileWriter.TryReopen(tempPath);
        if (writer is null)
        {
            return null;
        }
        var pending = new PendingBlob(cache, tempPath, writer);
        try
        {
            writer.HashExisting(pending._hasher);
            return pending;
        }
        catch (IOException)
        {
            pending._hasher.Dispose();
            pending._tracked.Dispose();
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return null;
        }
    }

    /// <summary>Where the bytes are written until the commit; only the cache and its tests need it.</summary>
    internal string TempPath { get; }

    public long Length => _writer.Length;

    /// <summary>Hashes and appends <paramref name="data"/>.</summary>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _hasher.Append(data.Span);
        return OnCacheDiskAsync(_writer.AppendAsync(data));
    }

    /// <summary>Starts over from byte zero (a source that cannot resume sent the whole body again).</summary>
    public async ValueTask ResetAsync()
    {
        await OnCacheDiskAsync(_writer.TruncateAsync()).ConfigureAwait(false);
        _hasher.Dispose();
        _hasher = Sha256Hasher.Create();
    }

    /// <summary>Hashes what was written; if it is <paramref name="expected"/>, makes it durable and renames it into the cache.</summary>
    public async Task CommitAsync(Sha256Digest expected, string? basename, string what, CancellationToken cancellationToken)
    {
        var actual = _hasher.Finish();
        if (actual != expected)
        {
            throw new DigestMismatchException(what, expected, actual);
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
        cancellationToken.ThrowIfCancellationRequested();
        await OnCacheDiskAsync(RenameWhenDurableAsync(digest)).ConfigureAwait(false);
        _committed = true;
        if (basename is not null)
        {
            _cache.WriteBasename(digest, basename);
        }
    }

    private async ValueTask RenameWhenDurableAsync(Sha256Digest digest)
    {
        // Durable before visible: after a crash a blob is either absent or whole.
        await _writer.FlushToDiskAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        // rename(2) is atomic: a reader sees either no blob or the whole verified one. Another process may have
        // committed the same digest meanwhile; the bytes are identical, so replacing it is harmless.
        // Blobs are 0644 whatever the umask or the imported file's mode: the cache is shared, content-addressed data.
        File.SetUnixFileMode(TempPath, (UnixFileMode)0b110_100_100);
        var target = _cache.BlobPath(digest);
        if (Directory.Exists(target))
        {
            // Not a disk problem, so not the "free space" hint a failed rename would otherwise get.
            throw new ReproGetException($"cannot store sha256 {digest.Hex} in the cache: \"{target}\" is a directory",
                "remove it (repro-get cache verify removes anything that is not a valid blob)");
        }
        File.Move(TempPath, target, overwrite: true);
    }

    // A write the cache's own disk refuses (full, read-only, failing) is one error naming the cache: no provider can help.
    private async ValueTask OnCacheDiskAsync(ValueTask write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new CacheWriteException(_cache.Root, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _hasher.Dispose();
        if (!_committed)
        {
            File.Delete(TempPath);
        }
        _tracked.Dispose();
    }
}
