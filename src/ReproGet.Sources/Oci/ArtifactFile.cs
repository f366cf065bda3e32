using ReproGet.Core.Hashing;

namespace ReproGet.Sources.Oci;

/// <summary>A file to push as one layer: the name it gets back on <c>oras pull</c>, its digest, size and bytes on disk.</summary>
public sealed record ArtifactFile(string Title, Sha256Digest Sha256, long Size, string Path)
{
    public string Digest => Sha256.Prefixed;
}
