using System.Xml;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Formats.Compression;

namespace ReproGet.Distros.Fedora.Repodata;

/// <summary>
/// Streams the packages of a <c>primary.xml</c> (plain, gzip, xz or zstd, told apart by magic number). Source
/// packages and entries whose checksum is not SHA-256 (old sha1 repositories) are skipped: a lock holds SHA-256.
/// </summary>
public static class PrimaryReader
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true };

    public static IEnumerable<RepoPackage> Read(string path, string repository)
    {
        using var stream = Decompression.OpenFile(path);
        using var reader = XmlReader.Create(stream, Settings);
        while (true)
        {
            RepoPackage? package;
            try
            {
                if (!reader.ReadToFollowing("package", "http://linux.duke.edu/metadata/common"))
                {
                    yield break;
                }
                using var subtree = reader.ReadSubtree();
                package = ReadPackage(subtree, repository);
            }
            catch (XmlException e)
            {
                throw new ReproGetException($"{path}: not a readable primary.xml ({e.Message})",
                    "refresh the metadata with `dnf makecache`");
            }
            if (package is not null)
            {
                yield return package;
            }
        }
    }

    private static RepoPackage? ReadPackage(XmlReader reader, string repository)
    {
        string? name = null, arch = null, version = null, release = null, location = null, sourceRpm = null, sha256 = null;
        var epoch = 0;
        long? size = null;
        // ReadElementContentAsString leaves the reader on the next node, so only other nodes advance it with Read.
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            switch (reader.LocalName)
            {
                case "name" when name is null:
                    name = reader.ReadElementContentAsString();
                    break;
                case "arch" when arch is null:
                    arch = reader.ReadElementContentAsString();
                    break;
                case "checksum" when sha256 is null:
                    var type = reader.GetAttribute("type");
                    var text = reader.ReadElementContentAsString().Trim();
                    sha256 = type == "sha256" ? text : "";
                    break;
                case "sourcerpm":
                    sourceRpm = reader.ReadElementContentAsString();
                    break;
                case "version" when version is null:
                    epoch = int.TryParse(reader.GetAttribute("epoch"), out var e) ? e : 0;
                    version = reader.GetAttribute("ver");
                    release = reader.GetAttribute("rel");
                    reader.Read();
                    break;
                case "size":
                    size = long.TryParse(reader.GetAttribute("package"), System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
                    reader.Read();
                    break;
                case "location":
                    location = reader.GetAttribute("href");
                    reader.Read();
                    break;
                default:
                    reader.Read();
                    break;
            }
        }
        if (name is null || arch is null || version is null || release is null || location is null
            || arch == "src" || !Sha256Digest.TryParse(sha256, out var digest))
        {
            return null;
        }
        return new RepoPackage(name, epoch, version, release, arch, digest.Value, location, sourceRpm ?? "", repository, size);
    }
}
