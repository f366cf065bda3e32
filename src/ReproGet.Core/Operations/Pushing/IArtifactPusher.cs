namespace ReproGet.Core.Operations.Pushing;

/// <summary>
/// Pushes files as one artifact to the target it was made for (an OCI registry's repository and tag): implemented by
/// the sources assembly, composed by the caller. Core has no network code.
/// </summary>
public interface IArtifactPusher
{
    /// <summary>The target as people read it (<c>REGISTRY/REPO:TAG</c>).</summary>
    string Target { get; }

    Task<ArtifactPushResult> PushAsync(IReadOnlyList<ArtifactFile> files, IReadOnlyList<KeyValuePair<string, string>> annotations,
        CancellationToken cancellationToken);
}
