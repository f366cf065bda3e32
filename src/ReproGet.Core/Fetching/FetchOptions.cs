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

    /// <summary>
    /// A transfer that delivers no byte for this long is broken off: resumed from the next provider when there is one,
    /// else retried on the same one.
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A transfer slower than this many bytes per second over <see cref="MinimumRateWindow"/> is broken off, as curl's
    /// <c>--speed-limit</c>/<c>--speed-time</c> do: one byte every few seconds never trips the stall timeout. 0: off.
    /// </summary>
    public long MinimumRate { get; init; } = 1024;

    public TimeSpan MinimumRateWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest one file may take, over all its providers and retries. Infinite: no deadline.</summary>
    public TimeSpan FileDeadline { get; init; } = TimeSpan.FromHours(1);

    public const long DefaultMaxFileSize = 4L << 30;

    /// <summary>The most bytes one file may have when its size is not known in advance; more is that provider's failure.</summary>
    public long MaxFileSize { get; init; } = DefaultMaxFileSize;

    /// <summary>
    /// Free space a transfer of unknown size must leave on the cache's filesystem; getting below it is that
    /// provider's failure, not a full disk that stops the run.
    /// </summary>
    public long FreeSpaceReserve { get; init; } = 256L << 20;

    /// <summary>The clock of timeouts, backoffs, rates and deadlines (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The retry policy of transfers, as the resilience registry takes it.</summary>
    public Resilience.RetryPolicy TransferRetryPolicy => new(Retries, RetryDelay, MaxRetryAfter);

    /// <summary>A PEM bundle of extra trusted CA certificates (a private registry or mirror), or null.</summary>
    public string? CaFile { get; init; }
}
