using System.Xml;
using ReproGet.Core.Errors;

namespace ReproGet.Distros.Fedora.Repodata;

/// <summary>
/// A repository's <c>repodata/repomd.xml</c>: where its <c>primary</c> metadata is and the SHA-256 of that
/// (compressed) file, so the cached copy can be checked against the index that names it.
/// </summary>
public sealed record RepomdFile(string PrimaryLocation, string PrimarySha256)
{
    public static RepomdFile Read(string path)
    {
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            while (reader.ReadToFollowing("data"))
            {
                if (reader.GetAttribute("type") != "primary")
                {
                    continue;
                }
                using var data = reader.ReadSubtree();
                string? location = null;
                string? sha256 = null;
                // ReadElementContentAsString leaves the reader on the next node, so only other nodes advance it with Read.
                data.Read();
                while (!data.EOF)
                {
                    if (data.NodeType == XmlNodeType.Element && data.LocalName == "checksum" && data.GetAttribute("type") == "sha256")
                    {
                        sha256 = data.ReadElementContentAsString().Trim();
                        continue;
                    }
                    if (data.NodeType == XmlNodeType.Element && data.LocalName == "location")
                    {
                        location = data.GetAttribute("href");
                    }
                    data.Read();
                }
                if (location is null || sha256 is null)
                {
                    throw new ReproGetException($"{path}: the primary entry has no location or no sha256 checksum",
                        "refresh the metadata with `dnf makecache`");
                }
                return new RepomdFile(location, sha256);
            }
        }
        catch (XmlException e)
        {
            throw new ReproGetException($"{path}: not a readable repomd.xml ({e.Message})", "refresh the metadata with `dnf makecache`");
        }
        throw new ReproGetException($"{path}: lists no primary metadata", "refresh the metadata with `dnf makecache`");
    }
}
