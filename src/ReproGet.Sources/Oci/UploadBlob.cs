using ReproGet.Core.Operations.Pushing;

namespace ReproGet.Sources.Oci;

/// <summary>Bytes to push: their digest and size, and a way to read them from the start (again, after a retry).</summary>
public sealed record UploadBlob(string Digest, long Size, Func<Stream> Open)
{
    public static UploadBlob FromFile(ArtifactFile file) =>
        new(file.Digest, file.Size, file.Open);

    public static UploadBlob FromBytes(string digest, ReadOnlyMemory<byte> bytes) =>
        new(digest, bytes.Length, () => new MemoryStream(bytes.ToArray(), writable: false));
}
