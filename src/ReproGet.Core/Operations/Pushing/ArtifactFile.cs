using ReproGet.Core.Hashing;

namespace ReproGet.Core.Operations.Pushing;

/// <summary>
/// A file to push as one layer: the name it gets back on <c>oras pull</c>, its digest, size, and a way to read its
/// bytes from the start (for a cached blob: a stream verified as it is read).
/// </summary>
public sealed record ArtifactFile(string Title, Sha256Digest Sha256, long Size, Func<Stream> Open)
{
    /// <summary>A file read from <paramref name="path"/> as it is.</summary>
    public ArtifactFile(string title, Sha256Digest sha256, long size, string path)
        : this(title, sha256, size, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: false))
    {
    }

    public string Digest => Sha256.Prefixed;
}
