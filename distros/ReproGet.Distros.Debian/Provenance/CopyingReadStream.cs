using ReproGet.Core.Cache;
using ReproGet.Core.Fetching;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>A read-only pass-through that also appends every byte read to a <see cref="PendingBlob"/> (read once, parse and store).</summary>
internal sealed class CopyingReadStream(Stream inner, PendingBlob copy) : ReadOnlyStream
{
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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
