using System.Runtime.InteropServices;

namespace ReproGet.Formats.Compression;

/// <summary>Decodes .xz (all concatenated streams) through liblzma.so.5.</summary>
internal sealed unsafe partial class XzDecoderStream : NativeDecoderStream
{
    private const string Library = "liblzma.so.5";
    private const uint Concatenated = 0x08;
    private const int Run = 0;
    private const int Finish = 3;
    private const int Ok = 0;
    private const int StreamEnd = 1;
    private const int BufError = 10;

    // lzma_stream is 136 bytes on 64-bit; the slack keeps us safe should a future liblzma grow it.
    private const int StreamAllocation = 256;

    private readonly NativeContextHandle _stream;

    public XzDecoderStream(Stream inner, string source, bool leaveOpen)
        : base(inner, source, leaveOpen)
    {
        _stream = LoadNative(CreateDecoder, Library, "liblzma5");
    }

    protected override string FormatName => "xz";

    protected override DecodeStep Decode(ReadOnlySpan<byte> input, Span<byte> output, bool inputEnded)
    {
        var stream = (LzmaStream*)_stream.Pointer;
        fixed (byte* inputPointer = input)
        fixed (byte* outputPointer = output)
        {
            stream->NextIn = inputPointer;
            stream->AvailIn = (nuint)input.Length;
            stream->NextOut = outputPointer;
            stream->AvailOut = (nuint)output.Length;
            var result = LzmaCode(stream, inputEnded ? Finish : Run);
            var step = new DecodeStep(input.Length - (int)stream->AvailIn, output.Length - (int)stream->AvailOut, result == StreamEnd);
            return result is Ok or StreamEnd or BufError
                ? step
                : throw new CompressedDataException(Source, $"xz data is corrupt or unsupported (liblzma error {result})");
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
        var stream = (LzmaStream*)NativeMemory.AllocZeroed(StreamAllocation);
        var result = LzmaStreamDecoder(stream, ulong.MaxValue, Concatenated);
        if (result != Ok)
        {
            NativeMemory.Free(stream);
            throw new InvalidOperationException($"lzma_stream_decoder failed with error {result}");
        }
        return new NativeContextHandle((IntPtr)stream, pointer =>
        {
            LzmaEnd((LzmaStream*)pointer);
            NativeMemory.Free((void*)pointer);
        });
    }

    [LibraryImport(Library, EntryPoint = "lzma_stream_decoder")]
    private static partial int LzmaStreamDecoder(LzmaStream* stream, ulong memoryLimit, uint flags);

    [LibraryImport(Library, EntryPoint = "lzma_code")]
    private static partial int LzmaCode(LzmaStream* stream, int action);

    [LibraryImport(Library, EntryPoint = "lzma_end")]
    private static partial void LzmaEnd(LzmaStream* stream);

    /// <summary>The leading, public part of liblzma's lzma_stream; the rest is reserved and stays zero.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct LzmaStream
    {
        public byte* NextIn;
        public nuint AvailIn;
        public ulong TotalIn;
        public byte* NextOut;
        public nuint AvailOut;
        public ulong TotalOut;
    }
}
