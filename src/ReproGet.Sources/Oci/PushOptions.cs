namespace ReproGet.Sources.Oci;

/// <summary>How <see cref="ArtifactPusher"/> works: how wide, when to chunk, where to mount from.</summary>
public sealed record PushOptions
{
    public const int DefaultChunkSize = 16 << 20;

    /// <summary>Blobs pushed at once.</summary>
    public int Jobs { get; init; } = 8;

    /// <summary>Files larger than this go up in PATCH chunks of this size; smaller ones in one PUT. 0: always one PUT.</summary>
    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>A repository of the same registry to mount blobs from instead of sending them.</summary>
    public string? MountFrom { get; init; }

    /// <summary>Retries of one blob after a transient fault (reset, 5xx, 429).</summary>
    public int Retries { get; init; } = 4;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest honoured Retry-After; a registry asking for more is treated as failed.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The retry policy of pushes, as the resilience registry takes it.</summary>
    public Core.Resilience.RetryPolicy RetryPolicy => new(Retries, RetryDelay, MaxRetryAfter);

    public string ArtifactType { get; init; } = OciMediaTypes.PackagesArtifact;
}
