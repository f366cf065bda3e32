using System.Formats.Tar;
using System.Text;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Formats.Compression;

namespace ReproGet.Distros.Arch.Database;

/// <summary>
/// A repository's sync database as pacman stores it (<c>&lt;dbpath&gt;/sync/&lt;repo&gt;.db</c>): a tar, compressed with
/// gzip, zstd or xz (told by magic number, not by name), of <c>&lt;name&gt;-&lt;version&gt;/desc</c> entries.
/// </summary>
public static class SyncDatabase
{
    public const string Suffix = ".db";

    public static IReadOnlyList<SyncPackage> Read(string path, string repository)
    {
        try
        {
            using var stream = Decompression.OpenFile(path);
            using var tar = new TarReader(stream);
            var packages = new List<SyncPackage>();
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile
                    && entry.Name.EndsWith("/desc", StringComparison.Ordinal) && entry.DataStream is { } data)
                {
                    using var reader = new StreamReader(data, Encoding.UTF8);
                    if (ToPackage(PacmanDesc.Parse(reader.ReadToEnd()), repository, path, entry.Name) is { } package)
                    {
                        packages.Add(package);
                    }
                }
            }
            return packages;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new ReproGetException($"cannot read the sync database \"{path}\": {e.Message}",
                "it is damaged or incomplete: refresh it with `pacman -Syy`", e);
        }
    }

    // Entries without %SHA256SUM% (databases older than 2012 carried only MD5) cannot be locked and are left out.
    private static SyncPackage? ToPackage(PacmanDesc desc, string repository, string path, string member)
    {
        var fileName = desc.Single("FILENAME");
        var name = desc.Single("NAME");
        var version = desc.Single("VERSION");
        if (fileName is null || name is null || version is null
            || !Sha256Digest.TryParse(desc.Single("SHA256SUM"), out var sha256))
        {
            return null;
        }
        byte[]? signature = null;
        if (desc.Single("PGPSIG") is { } base64)
        {
            try
            {
                signature = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                throw new ReproGetException($"{path}: {member}: %PGPSIG% is not base64",
                    "the sync database is damaged: refresh it with `pacman -Syy`");
            }
        }
        long? size = long.TryParse(desc.Single("CSIZE"), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var csize) ? csize : null;
        return new SyncPackage(repository, name, version, desc.Single("ARCH"), fileName, sha256.Value, signature, size);
    }
}
