using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>A read-only pass-through that hashes and counts every byte read, so one pass both parses and hashes an index.</summary>
internal sealed class HashingReadStream(Stream inner) : ReadOnlyStream
{
    private readonly Sha256Hasher _hasher = Sha256Hasher.Create();

    public long BytesRead { get; private set; }

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hasher.Append(buffer[..read]);
        BytesRead += read;
        return read;
    }

    /// <summary>Reads what the consumer left (a decoder may stop before the end) and returns the digest of all of it.</summary>
    public Sha256Digest Finish()
    {
        var rest = new byte[1 << 16];
        while (Read(rest) > 0)
        {
        }
        return _hasher.Finish();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hasher.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
