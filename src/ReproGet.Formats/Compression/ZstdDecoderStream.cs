using System.Runtime.InteropServices;

namespace ReproGet.Formats.Compression;

/// <summary>Decodes .zst (all frames) through libzstd.so.1's streaming API.</summary>
internal sealed unsafe partial class ZstdDecoderStream : NativeDecoderStream
{
    private const string Library = "libzstd.so.1";

    private readonly NativeContextHandle _context;

    public ZstdDecoderStream(Stream inner, string source, bool leaveOpen)
        : base(inner, source, leaveOpen)
    {
        _context = LoadNative(CreateContext, Library, "libzstd1");
    }

    protected override string FormatName => "zstd";

    protected override DecodeStep Decode(ReadOnlySpan<byte> input, Span<byte> output, bool inputEnded)
    {
        fixed (byte* inputPointer = input)
        fixed (byte* outputPointer = output)
        {
            var inBuffer = new ZstdBuffer { Data = inputPointer, Size = (nuint)input.Length };
            var outBuffer = new ZstdBuffer { Data = outputPointer, Size = (nuint)output.Length };
            var result = ZstdDecompressStream(_context.Pointer, &outBuffer, &inBuffer);
            if (ZstdIsError(result) != 0)
            {
                throw new CompressedDataException(Source, $"zstd data is corrupt ({Marshal.PtrToStringUTF8(ZstdGetErrorName(result))})");
            }
            return new DecodeStep((int)inBuffer.Position, (int)outBuffer.Position, result == 0);
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
        var context = ZstdCreateDStream();
        return context == IntPtr.Zero
            ? throw new OutOfMemoryException("ZSTD_createDStream failed")
            : new NativeContextHandle(context, pointer => ZstdFreeDStream(pointer));
    }

    [LibraryImport(Library, EntryPoint = "ZSTD_createDStream")]
    private static partial IntPtr ZstdCreateDStream();

    [LibraryImport(Library, EntryPoint = "ZSTD_freeDStream")]
    private static partial nuint ZstdFreeDStream(IntPtr context);

    [LibraryImport(Library, EntryPoint = "ZSTD_decompressStream")]
    private static partial nuint ZstdDecompressStream(IntPtr context, ZstdBuffer* output, ZstdBuffer* input);

    [LibraryImport(Library, EntryPoint = "ZSTD_isError")]
    private static partial uint ZstdIsError(nuint code);

    [LibraryImport(Library, EntryPoint = "ZSTD_getErrorName")]
    private static partial IntPtr ZstdGetErrorName(nuint code);

    /// <summary>ZSTD_inBuffer and ZSTD_outBuffer share this layout.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ZstdBuffer
    {
        public byte* Data;
        public nuint Size;
        public nuint Position;
    }
}
