using ReproGet.Core.Cache;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>A read-only pass-through that also appends every byte read to a <see cref="PendingBlob"/> (read once, parse and store).</summary>
internal sealed class CopyingReadStream(Stream inner, PendingBlob copy) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (read > 0)
        {
            copy.WriteAsync(buffer[..read].ToArray(), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
