using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Files;
using ReproGet.Core.Hashing;

namespace ReproGet.Core.Cache;

/// <summary>
/// A cached blob read on its way out of the cache, hashed as it is read. The last read (the one that would return
/// 0 at the end) throws <see cref="CorruptBlobException"/> instead when the bytes do not hash to the blob's name, and
/// the blob is removed first: a consumer that reads to the end never gets a corrupt blob through unnoticed, and one
/// that writes what it reads somewhere sees the failure before it can publish. Opened with O_NOFOLLOW|O_NONBLOCK and
/// checked to be a regular file, so a symlink to a secret or a FIFO planted in the cache is refused, not followed.
/// </summary>
public sealed class VerifiedBlobStream : ReadOnlyStream
{
    private readonly ContentCache _cache;
    private readonly FileStream _file;
    private readonly Sha256Hasher _hasher = Sha256Hasher.Create();
    private long _position;
    private bool _verified;

    private VerifiedBlobStream(ContentCache cache, Sha256Digest digest, string path, FileStream file)
    {
        _cache = cache;
        Digest = digest;
        Path = path;
        _file = file;
    }

    public Sha256Digest Digest { get; }

    public string Path { get; }

    /// <summary>The size of the file when it was opened.</summary>
    public override long Length => _file.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    internal static VerifiedBlobStream Open(ContentCache cache, Sha256Digest digest)
    {
        var path = cache.BlobPath(digest);
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = PosixFile.OpenRegularForRead(path);
        }
        catch (IOException e) when (e.HResult != PosixFile.NoSuchFile)
        {
            throw cache.RemoveCorrupt(digest, e.Message);
        }
        catch (IOException e)
        {
            throw new ReproGetException($"blob \"{path}\" is not in the cache", "fetch it first: repro-get download LOCKFILE…", e);
        }
        return new VerifiedBlobStream(cache, digest, path, new FileStream(handle, FileAccess.Read, 1));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _file.Read(buffer);
        return buffer.IsEmpty ? 0 : Account(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.IsEmpty ? 0 : Account(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads the rest without handing it on, so the check happens even when a consumer stopped early.</summary>
    public async Task VerifyToEndAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 17];
        while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
            _hasher.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> data)
    {
        if (data.Length > 0)
        {
            _hasher.Append(data);
            _position += data.Length;
            return data.Length;
        }
        // A read that asked for bytes and got none: the end of the file.
        if (!_verified)
        {
            var actual = _hasher.Finish();
            if (actual != Digest)
            {
                throw _cache.RemoveCorrupt(Digest, $"holds bytes with sha256 {actual.Hex}");
            }
            _verified = true;
        }
        return 0;
    }
}
