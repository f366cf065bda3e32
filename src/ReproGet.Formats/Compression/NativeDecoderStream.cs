using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;

namespace ReproGet.Formats.Compression;

/// <summary>What one call into a native decoder did.</summary>
/// <param name="AtFrameEnd">The decoder finished a frame (stream) and holds no pending output.</param>
internal readonly record struct DecodeStep(int Consumed, int Produced, bool AtFrameEnd);

/// <summary>
/// A read-only stream that feeds compressed bytes from an inner stream through a native decoder (liblzma, libzstd,
/// liblz4: the libraries apt itself links). Subclasses make one decoder call; this class handles buffering,
/// concatenated frames and the difference between a clean end and a truncated file.
/// </summary>
internal abstract class NativeDecoderStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly byte[] _input = new byte[1 << 16];
    private int _inputStart;
    private int _inputEnd;
    private bool _innerEnded;
    private bool _atFrameEnd;

    protected NativeDecoderStream(Stream inner, string source, bool leaveOpen)
    {
        _inner = inner;
        Source = source;
        _leaveOpen = leaveOpen;
    }

    protected string Source { get; }

    protected abstract string FormatName { get; }

    /// <summary>
    /// Decodes from <paramref name="input"/> into <paramref name="output"/>. <paramref name="inputEnded"/> says no
    /// more input will come (xz wants to be told).
    /// </summary>
    protected abstract DecodeStep Decode(ReadOnlySpan<byte> input, Span<byte> output, bool inputEnded);

    /// <summary>Loads a native library's function, turning a missing library into a clear error.</summary>
    protected static T LoadNative<T>(Func<T> call, string library, string debianPackage)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new ToolMissingException(library,
                $"install it with `apt-get install {debianPackage}` (it is what apt and dpkg use for this compression)");
        }
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }
        while (true)
        {
            if (_inputStart == _inputEnd && !_innerEnded)
            {
                _inputStart = 0;
                _inputEnd = _inner.Read(_input);
                _innerEnded = _inputEnd == 0;
            }
            var available = _inputEnd - _inputStart;
            if (available == 0 && _innerEnded && _atFrameEnd)
            {
                return 0;
            }
            var step = Decode(_input.AsSpan(_inputStart, available), buffer, _innerEnded);
            _inputStart += step.Consumed;
            if (step.Consumed > 0 || step.Produced > 0)
            {
                _atFrameEnd = step.AtFrameEnd;
            }
            else if (step.AtFrameEnd && available == 0)
            {
                _atFrameEnd = true;
            }
            if (step.Produced > 0)
            {
                return step.Produced;
            }
            if (step.Consumed == 0 && _innerEnded && !_atFrameEnd)
            {
                throw new CompressedDataException(Source, $"{FormatName} data is truncated");
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
