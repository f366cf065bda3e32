namespace ReproGet.Core.Resilience;

/// <summary>
/// How often and how patiently one purpose retries a transient fault. <paramref name="Retries"/> 0 means one try,
/// no retry. A server's Retry-After replaces <paramref name="Delay"/>'s backoff, up to <paramref name="MaxRetryAfter"/>:
/// a server asking for longer is treated as failed for this run.
/// </summary>
public sealed record RetryPolicy(int Retries, TimeSpan Delay, TimeSpan MaxRetryAfter)
{
    public static RetryPolicy Default { get; } = new(4, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(60));
}
