using ReproGet.Core.Fetching;

namespace ReproGet.Sources.Ipfs.Tests.Vectors;

/// <summary>A forward-only stream of <c>length</c> bytes made on the fly, so inputs of any size are never held.</summary>
public abstract class GeneratedStream(long length) : ReadOnlyStream
{
    private long _position;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>All of it, for inputs small enough to hold.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[length - _position];
        ReadExactly(bytes);
        return bytes;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        Generate(buffer[..count]);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    /// <summary>Fills <paramref name="destination"/> with the next bytes of the sequence.</summary>
    protected abstract void Generate(Span<byte> destination);
}
