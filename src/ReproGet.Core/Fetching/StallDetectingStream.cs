using ReproGet.Core.Errors;

namespace ReproGet.Core.Fetching;

/// <summary>
/// Fails a read that receives nothing for <c>stallTimeout</c>, and a body that delivers less than
/// <c>minimumRate</c> bytes per second over a whole <c>rateWindow</c> (curl's <c>--speed-limit</c>/<c>--speed-time</c>):
/// an overall timeout cannot tell a slow large file from a body that stopped mid-way, and a per-read one alone lets a
/// byte every few seconds through for ever.
/// </summary>
public sealed class StallDetectingStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly TimeSpan _stallTimeout;
    private readonly string _what;
    private readonly long _minimumRate;
    private readonly TimeSpan _rateWindow;
    private readonly TimeProvider _time;

    // One source per stream, its timer re-armed by each read: a new linked source and timer per read showed up in
    // profiles of many-file downloads.
    private CancellationTokenSource? _stall;
    private CancellationToken _linkedTo;
    private long _windowStart;
    private long _windowBytes;

    public StallDetectingStream(Stream inner, TimeSpan stallTimeout, string what, long minimumRate = 0,
        TimeSpan rateWindow = default, TimeProvider? time = null)
    {
        _inner = inner;
        _stallTimeout = stallTimeout;
        _what = what;
        _minimumRate = minimumRate;
        _rateWindow = rateWindow;
        _time = time ?? TimeProvider.System;
        _windowStart = _time.GetTimestamp();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_stall is null || _linkedTo != cancellationToken)
        {
            _stall?.Dispose();
            _stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _linkedTo = cancellationToken;
        }
        _stall.CancelAfter(_stallTimeout);
        int read;
        try
        {
            read = await _inner.ReadAsync(buffer, _stall.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceException($"{_what}: no data for {_stallTimeout.TotalSeconds:0.#} s (stalled)", isTransient: true, inner: e)
            {
                Kind = SourceFailureKind.Stalled,
            };
        }
        CheckRate(read);
        return read;
    }

    private void CheckRate(int read)
    {
        if (_minimumRate <= 0 || _rateWindow <= TimeSpan.Zero || read == 0)
        {
            return;
        }
        _windowBytes += read;
        var elapsed = _time.GetElapsedTime(_windowStart);
        if (elapsed < _rateWindow)
        {
            return;
        }
        if (_windowBytes < _minimumRate * elapsed.TotalSeconds)
        {
            throw new SourceException($"{_what}: too slow, {_windowBytes} bytes in {elapsed.TotalSeconds:0.#} s "
                + $"(below the minimum of {_minimumRate} bytes/s)", isTransient: true)
            {
                Kind = SourceFailureKind.TooSlow,
            };
        }
        _windowStart = _time.GetTimestamp();
        _windowBytes = 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("read asynchronously");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _stall?.Dispose();
        }
        base.Dispose(disposing);
    }
}
