namespace ReproGet.Formats.Compression;

/// <summary>The compressions apt stores its lists in (and dnf/pacman their indexes).</summary>
public enum CompressionFormat
{
    None,
    Gzip,
    Xz,
    Zstd,
    Lz4,
}
