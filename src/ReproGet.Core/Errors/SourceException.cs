namespace ReproGet.Core.Errors;

/// <summary>
/// A source could not deliver a blob. <see cref="IsTransient"/> failures (connection reset, 5xx, 429, stall)
/// are retried on the same source; the others move on to the next provider at once. <see cref="Kind"/> says what
/// went wrong, so policy (retry, move on, skip the host) and rendering never parse the message.
/// </summary>
public class SourceException(string message, bool isTransient, TimeSpan? retryAfter = null, Exception? inner = null)
    : ReproGetException(message, null, inner)
{
    public bool IsTransient { get; } = isTransient;

    /// <summary>The host could not be reached at all (refused, unresolvable, connect timeout): skip it for the rest of the run.</summary>
    public bool IsHostUnreachable { get; init; }

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public SourceFailureKind Kind { get; init; } = SourceFailureKind.Other;

    /// <summary>A stall, a too-slow body or a request never answered: the host is there but not delivering.</summary>
    public bool IsSlowness => Kind is SourceFailureKind.Stalled or SourceFailureKind.TooSlow or SourceFailureKind.NoResponse;
}
