namespace ReproGet.Core.Operations.Pushing;

/// <summary>What a push did: the manifest's digest (what to pin), and how many blobs were sent, found or mounted.</summary>
public sealed record ArtifactPushResult(string ManifestDigest, int Uploaded, int Present, int Mounted, long BytesUploaded);
