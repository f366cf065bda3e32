namespace ReproGet.Formats.Compression;

/// <summary>Tells a compression from a file name's suffix and from the first bytes of its contents.</summary>
public static class CompressionDetector
{
    /// <summary>How many leading bytes <see cref="FromMagic"/> looks at.</summary>
    public const int MagicLength = 6;

    private static readonly (CompressionFormat Format, byte[] Magic, string Suffix)[] Formats =
    [
        (CompressionFormat.Gzip, [0x1f, 0x8b], ".gz"),
        (CompressionFormat.Xz, [0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00], ".xz"),
        (CompressionFormat.Zstd, [0x28, 0xb5, 0x2f, 0xfd], ".zst"),
        (CompressionFormat.Lz4, [0x04, 0x22, 0x4d, 0x18], ".lz4"),
    ];

    public static CompressionFormat FromSuffix(string path)
    {
        foreach (var (format, _, suffix) in Formats)
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                return format;
            }
        }
        return CompressionFormat.None;
    }

    /// <summary>The format whose magic number starts <paramref name="head"/>; <see cref="CompressionFormat.None"/> for anything else.</summary>
    public static CompressionFormat FromMagic(ReadOnlySpan<byte> head)
    {
        foreach (var (format, magic, _) in Formats)
        {
            if (head.StartsWith(magic))
            {
                return format;
            }
        }
        return CompressionFormat.None;
    }

    public static string Suffix(CompressionFormat format) =>
        format == CompressionFormat.None ? "" : Formats.First(f => f.Format == format).Suffix;
}
