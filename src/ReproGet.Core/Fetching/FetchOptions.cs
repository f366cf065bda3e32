namespace ReproGet.Core.Fetching;

/// <summary>How hard and how wide the fetcher works. Defaults are shown in <c>--help</c>.</summary>
public sealed record FetchOptions
{
    public const int DefaultJobs = 8;
    public const int DefaultPerHost = 6;

    /// <summary>Files downloaded at once.</summary>
    public int Jobs { get; init; } = DefaultJobs;

    /// <summary>Connections to any one host at once.</summary>
    public int PerHost { get; init; } = DefaultPerHost;

    /// <summary>Retries of one file on one source after a transient fault (reset, 5xx, 429, stall).</summary>
    public int Retries { get; init; } = 4;

    /// <summary>First retry delay; later ones back off exponentially. A Retry-After header overrides it.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest honoured Retry-After; a server asking for more is treated as failed for this run.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A transfer that delivers no byte for this long is broken off and resumed.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A PEM bundle of extra trusted CA certificates (a private registry or mirror), or null.</summary>
    public string? CaFile { get; init; }
}
