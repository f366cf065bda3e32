namespace ReproGet.Formats.Compression;

/// <summary>
/// Opens possibly compressed files as plain byte streams, decoded by the libraries dpkg and apt use (zlib, liblzma,
/// libzstd, liblz4), which every Debian-family root has.
/// </summary>
public static class Decompression
{
    /// <summary>
    /// Opens <paramref name="path"/> and decodes it by its magic number. A name that promises a compression
    /// (<c>.xz</c>, …) whose contents do not carry that compression's magic is an error rather than read as text.
    /// </summary>
    public static Stream OpenFile(string path) =>
        OpenFile(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan));

    /// <summary>
    /// As <see cref="OpenFile(string)"/> for a file the caller opened (to fstat the very descriptor it reads); the
    /// returned stream owns <paramref name="file"/>, which is disposed here if decoding cannot start.
    /// </summary>
    public static Stream OpenFile(FileStream file)
    {
        var path = file.Name;
        try
        {
            Span<byte> head = stackalloc byte[CompressionDetector.MagicLength];
            var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            file.Position = 0;
            var byMagic = CompressionDetector.FromMagic(head[..length]);
            var bySuffix = CompressionDetector.FromSuffix(path);
            if (bySuffix != CompressionFormat.None && byMagic != bySuffix)
            {
                var found = byMagic == CompressionFormat.None ? "no known compression" : byMagic.ToString().ToLowerInvariant();
                throw new CompressedDataException(path, $"the name says {bySuffix.ToString().ToLowerInvariant()} but the contents start with {found}");
            }
            return Open(file, byMagic, path);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Wraps <paramref name="stream"/> in the decoder for <paramref name="format"/>; the decoder owns the stream unless <paramref name="leaveOpen"/>.</summary>
    public static Stream Open(Stream stream, CompressionFormat format, string source, bool leaveOpen = false) => format switch
    {
        CompressionFormat.None => stream,
        CompressionFormat.Gzip => new GzipDecoderStream(stream, source, leaveOpen),
        CompressionFormat.Xz => new XzDecoderStream(stream, source, leaveOpen),
        CompressionFormat.Zstd => new ZstdDecoderStream(stream, source, leaveOpen),
        CompressionFormat.Lz4 => new Lz4FrameDecoderStream(stream, source, leaveOpen),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
