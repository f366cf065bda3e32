namespace ReproGet.Core.Fetching;

/// <summary>Why one provider did not deliver one file.</summary>
public enum ProviderFailureReason
{
    /// <summary>The template cannot be rendered for this entry (no CID, say): skipped, not tried.</summary>
    NotApplicable,

    /// <summary>The host was found unreachable, or too slow too often, earlier in this run: skipped.</summary>
    HostSkipped,

    /// <summary>Refused, unresolvable, TLS failed or connect timed out.</summary>
    Unreachable,

    /// <summary>An unexpected HTTP status (<see cref="ProviderFailure.Error"/> is an <see cref="Errors.HttpStatusException"/>).</summary>
    HttpStatus,

    /// <summary>Stalled, too slow, or never answered.</summary>
    Slow,

    /// <summary>More bytes than the file's bound, or another size than expected.</summary>
    TooLarge,

    /// <summary>The bytes do not hash to the pinned SHA-256.</summary>
    DigestMismatch,

    /// <summary>The file's deadline passed.</summary>
    Deadline,

    /// <summary>Any other fault of the source (a local read error, a bad URL).</summary>
    Other,
}

/// <summary>
/// One provider's failure for one file, as a value: the provider (its redacted URL, or the raw template when it could
/// not be rendered), the reason, a one-line detail, and the typed error when there was one.
/// </summary>
public sealed record ProviderFailure(string Provider, ProviderFailureReason Reason, string Detail, Exception? Error = null)
{
    /// <summary>"PROVIDER: detail", as the failure report prints it.</summary>
    public override string ToString() => $"{Provider}: {Detail}";
}
