using ReproGet.Core.Operations.Pushing;

namespace ReproGet.Sources.Oci;

/// <summary>Core's <see cref="IArtifactPusher"/>: an <see cref="ArtifactPusher"/> bound to one target repository and tag.</summary>
public sealed class OciArtifactTarget(ArtifactPusher pusher, OciReference target) : IArtifactPusher
{
    public string Target => $"{target.Registry}/{target.Repository}:{target.Tag ?? "latest"}";

    public Task<ArtifactPushResult> PushAsync(IReadOnlyList<ArtifactFile> files, IReadOnlyList<KeyValuePair<string, string>> annotations,
        CancellationToken cancellationToken) =>
        pusher.PushAsync(target, files, annotations, cancellationToken);
}
