using System.Formats.Tar;

namespace ReproGet.Formats.Apk;

/// <summary>
/// The regular files of a small in-memory tar (a signature or control member). abuild strips the end-of-archive
/// blocks from these members, which <see cref="TarReader"/> accepts as a plain end of data.
/// </summary>
internal static class ApkTarFiles
{
    public static IReadOnlyList<KeyValuePair<string, byte[]>> Read(byte[] tar, string source)
    {
        var files = new List<KeyValuePair<string, byte[]>>();
        try
        {
            using var reader = new TarReader(new MemoryStream(tar, writable: false));
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
                {
                    using var copy = new MemoryStream();
                    data.CopyTo(copy);
                    files.Add(new KeyValuePair<string, byte[]>(entry.Name, copy.ToArray()));
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new ApkFormatException(source, $"corrupt tar data: {e.Message}");
        }
        return files;
    }

    public static IReadOnlyList<ApkSignature> Signatures(IReadOnlyList<KeyValuePair<string, byte[]>> files) =>
        [.. files.Select(f => ApkSignature.FromEntry(f.Key, f.Value)).OfType<ApkSignature>()];
}
