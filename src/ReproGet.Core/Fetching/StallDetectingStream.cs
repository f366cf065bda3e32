using ReproGet.Core.Errors;

namespace ReproGet.Core.Fetching;

/// <summary>
/// Fails a read that receives nothing for <c>stallTimeout</c>: an overall timeout cannot tell a slow large file
/// from a body that stopped mid-way, but a per-read one can.
/// </summary>
public sealed class StallDetectingStream(Stream inner, TimeSpan stallTimeout, string what) : ReadOnlyStream
{
    // One source per stream, its timer re-armed by each read: a new linked source and timer per read showed up in
    // profiles of many-file downloads.
    private CancellationTokenSource? _stall;
    private CancellationToken _linkedTo;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_stall is null || _linkedTo != cancellationToken)
        {
            _stall?.Dispose();
            _stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _linkedTo = cancellationToken;
        }
        _stall.CancelAfter(stallTimeout);
        try
        {
            return await inner.ReadAsync(buffer, _stall.Token).ConfigureAwait(false);
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
            _stall?.Dispose();
        }
        base.Dispose(disposing);
    }
}
