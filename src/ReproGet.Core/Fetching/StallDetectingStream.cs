using ReproGet.Core.Errors;

namespace ReproGet.Core.Fetching;

/// <summary>
/// Fails a read that receives nothing for <c>stallTimeout</c>: an overall timeout cannot tell a slow large file
/// from a body that stopped mid-way, but a per-read one can.
/// </summary>
public sealed class StallDetectingStream(Stream inner, TimeSpan stallTimeout, string what) : ReadOnlyStream
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(stallTimeout);
        try
        {
            return await inner.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceException($"{what}: no data for {stallTimeout.TotalSeconds:0.#} s (stalled)", isTransient: true, inner: e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("read asynchronously");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
