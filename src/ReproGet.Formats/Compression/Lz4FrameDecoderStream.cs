using System.Runtime.InteropServices;

namespace ReproGet.Formats.Compression;

/// <summary>Decodes the LZ4 frame format (what apt writes as <c>*.lz4</c>) through liblz4.so.1.</summary>
internal sealed unsafe partial class Lz4FrameDecoderStream : NativeDecoderStream
{
    private const string Library = "liblz4.so.1";
    private const uint FrameApiVersion = 100;

    private readonly NativeContextHandle _context;

    public Lz4FrameDecoderStream(Stream inner, string source, bool leaveOpen)
        : base(inner, source, leaveOpen)
    {
        _context = LoadNative(CreateContext, Library, "liblz4-1");
    }

    protected override string FormatName => "lz4";

    protected override DecodeStep Decode(ReadOnlySpan<byte> input, Span<byte> output, bool inputEnded)
    {
        fixed (byte* inputPointer = input)
        fixed (byte* outputPointer = output)
        {
            var inputSize = (nuint)input.Length;
            var outputSize = (nuint)output.Length;
            var result = Lz4fDecompress(_context.Pointer, outputPointer, &outputSize, inputPointer, &inputSize, IntPtr.Zero);
            if (Lz4fIsError(result) != 0)
            {
                throw new CompressedDataException(Source, $"lz4 data is corrupt ({Marshal.PtrToStringUTF8(Lz4fGetErrorName(result))})");
            }
            return new DecodeStep((int)inputSize, (int)outputSize, result == 0);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _context.Dispose();
        }
        base.Dispose(disposing);
    }

    private static NativeContextHandle CreateContext()
    {
        IntPtr context;
        var result = Lz4fCreateDecompressionContext(&context, FrameApiVersion);
        return Lz4fIsError(result) != 0
            ? throw new InvalidOperationException($"LZ4F_createDecompressionContext failed: {Marshal.PtrToStringUTF8(Lz4fGetErrorName(result))}")
            : new NativeContextHandle(context, pointer => Lz4fFreeDecompressionContext(pointer));
    }

    [LibraryImport(Library, EntryPoint = "LZ4F_createDecompressionContext")]
    private static partial nuint Lz4fCreateDecompressionContext(IntPtr* context, uint version);

    [LibraryImport(Library, EntryPoint = "LZ4F_freeDecompressionContext")]
    private static partial nuint Lz4fFreeDecompressionContext(IntPtr context);

    [LibraryImport(Library, EntryPoint = "LZ4F_decompress")]
    private static partial nuint Lz4fDecompress(IntPtr context, byte* destination, nuint* destinationSize,
        byte* source, nuint* sourceSize, IntPtr options);

    [LibraryImport(Library, EntryPoint = "LZ4F_isError")]
    private static partial uint Lz4fIsError(nuint code);

    [LibraryImport(Library, EntryPoint = "LZ4F_getErrorName")]
    private static partial IntPtr Lz4fGetErrorName(nuint code);
}
