using ReproGet.Core.Fetching;

namespace ReproGet.Formats.Apk;

/// <summary>
/// A read-only stream that hands every byte it reads to a tap as well: a hash of what an index signature covers, or
/// the cache file a download goes into, so the bytes are read once.
/// </summary>
public sealed class TappedStream(Stream inner, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> tap) : ReadOnlyStream
{
    public long BytesRead { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read > 0)
        {
            await tap(buffer[..read], cancellationToken).ConfigureAwait(false);
            BytesRead += read;
        }
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("read asynchronously");

    /// <summary>Reads to the end, so the tap has seen every byte even when the consumer stopped early.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }
}
