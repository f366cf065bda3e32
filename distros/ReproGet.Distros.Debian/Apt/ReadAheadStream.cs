using ReproGet.Core.Fetching;

namespace ReproGet.Distros.Debian.Apt;

/// <summary>
/// Reads its inner stream on a thread of its own, one chunk ahead of the reader: the 50 MB list of bookworm main is
/// inflated while the scanner searches the previous megabyte, so the two take the time of the slower one rather than
/// their sum (on two cores; measured in the README, "Lock speed"). Errors of the inner stream surface at the read
/// that reaches them.
/// </summary>
internal sealed class ReadAheadStream : ReadOnlyStream
{
    private const int Slots = 2;

    private readonly Stream _inner;
    private readonly byte[][] _buffers;
    private readonly int[] _lengths = new int[Slots];
    private readonly SemaphoreSlim _filled = new(0, Slots);
    private readonly SemaphoreSlim _free = new(Slots, Slots);
    private readonly Thread _producer;
    private Exception? _error;
    private volatile bool _stopping;
    private int _next;
    private int _slot = -1;
    private int _offset;
    private int _length;
    private bool _ended;

    public ReadAheadStream(Stream inner, int chunkSize)
    {
        _inner = inner;
        _buffers = [new byte[chunkSize], new byte[chunkSize]];
        _producer = new Thread(Produce) { IsBackground = true, Name = "repro-get read-ahead" };
        _producer.Start();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || _ended)
        {
            return 0;
        }
        if (_offset == _length)
        {
            if (_slot >= 0)
            {
                _free.Release();
            }
            _filled.Wait();
            _slot = _next++ % Slots;
            _offset = 0;
            _length = _lengths[_slot];
            if (_length < 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_error!).Throw();
            }
            if (_length == 0)
            {
                _ended = true;
                return 0;
            }
        }
        var count = Math.Min(buffer.Length, _length - _offset);
        _buffers[_slot].AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    private void Produce()
    {
        for (var i = 0; ; i++)
        {
            _free.Wait();
            if (_stopping)
            {
                return;
            }
            var slot = i % Slots;
            try
            {
                _lengths[slot] = _inner.ReadAtLeast(_buffers[slot], _buffers[slot].Length, throwOnEndOfStream: false);
            }
            catch (Exception e)
            {
                _error = e;
                _lengths[slot] = -1;
            }
            _filled.Release();
            if (_lengths[slot] <= 0)
            {
                return;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping = true;
            try
            {
                _free.Release();
            }
            catch (SemaphoreFullException)
            {
                // The producer holds no slot: it is not waiting, or has finished.
            }
            _producer.Join();
            _inner.Dispose();
            _filled.Dispose();
            _free.Dispose();
        }
        base.Dispose(disposing);
    }
}
