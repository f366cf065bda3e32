using System.Runtime.InteropServices;

namespace ReproGet.Formats.Compression;

/// <summary>
/// Decodes .gz (all members) through the system's zlib (libz.so.1, which dpkg itself needs). System.IO.Compression's
/// GZipStream is not used because it ends a truncated file without an error: a cut-off apt list would read as a
/// shorter, valid one and packages would silently go missing.
/// </summary>
internal sealed unsafe partial class GzipDecoderStream : NativeDecoderStream
{
    private const string Library = "libz.so.1";
    private const int GzipWindowBits = 15 + 16;
    private const int NoFlush = 0;
    private const int Ok = 0;
    private const int StreamEnd = 1;
    private const int BufError = -5;

    private readonly NativeContextHandle _stream;
    private bool _memberEnded;

    public GzipDecoderStream(Stream inner, string source, bool leaveOpen)
        : base(inner, source, leaveOpen)
    {
        _stream = LoadNative(CreateDecoder, Library, "zlib1g");
    }

    protected override string FormatName => "gzip";

    protected override DecodeStep Decode(ReadOnlySpan<byte> input, Span<byte> output, bool inputEnded)
    {
        var stream = (ZStream*)_stream.Pointer;
        if (_memberEnded && !input.IsEmpty)
        {
            InflateReset(stream);
            _memberEnded = false;
        }
        if (_memberEnded)
        {
            return new DecodeStep(0, 0, true);
        }
        fixed (byte* inputPointer = input)
        fixed (byte* outputPointer = output)
        {
            stream->NextIn = inputPointer;
            stream->AvailIn = (uint)input.Length;
            stream->NextOut = outputPointer;
            stream->AvailOut = (uint)Math.Min(output.Length, int.MaxValue);
            var result = Inflate(stream, NoFlush);
            if (result is not (Ok or StreamEnd or BufError))
            {
                var message = stream->Message == null ? $"zlib error {result}" : Marshal.PtrToStringUTF8((IntPtr)stream->Message);
                throw new CompressedDataException(Source, $"gzip data is corrupt ({message})");
            }
            _memberEnded = result == StreamEnd;
            return new DecodeStep(input.Length - (int)stream->AvailIn, output.Length - (int)stream->AvailOut, _memberEnded);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }
        base.Dispose(disposing);
    }

    private static NativeContextHandle CreateDecoder()
    {
        // zlib keeps a pointer back to the z_stream, so it lives in native memory that never moves.
        var stream = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
        var result = InflateInit2(stream, GzipWindowBits, "1.2.13", sizeof(ZStream));
        if (result != Ok)
        {
            NativeMemory.Free(stream);
            throw new InvalidOperationException($"inflateInit2 failed with error {result}");
        }
        return new NativeContextHandle((IntPtr)stream, pointer =>
        {
            InflateEnd((ZStream*)pointer);
            NativeMemory.Free((void*)pointer);
        });
    }

    [LibraryImport(Library, EntryPoint = "inflateInit2_", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int InflateInit2(ZStream* stream, int windowBits, string version, int streamSize);

    [LibraryImport(Library, EntryPoint = "inflate")]
    private static partial int Inflate(ZStream* stream, int flush);

    [LibraryImport(Library, EntryPoint = "inflateReset")]
    private static partial int InflateReset(ZStream* stream);

    [LibraryImport(Library, EntryPoint = "inflateEnd")]
    private static partial int InflateEnd(ZStream* stream);

    /// <summary>zlib's z_stream on LP64 Linux (uInt is 32-bit, uLong 64-bit).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ZStream
    {
        public byte* NextIn;
        public uint AvailIn;
        public ulong TotalIn;
        public byte* NextOut;
        public uint AvailOut;
        public ulong TotalOut;
        public byte* Message;
        public IntPtr State;
        public IntPtr Alloc;
        public IntPtr Free;
        public IntPtr Opaque;
        public int DataType;
        public ulong Adler;
        public ulong Reserved;
    }
}
