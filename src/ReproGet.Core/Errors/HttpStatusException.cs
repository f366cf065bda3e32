namespace ReproGet.Core.Errors;

/// <summary>
/// An HTTP (or OCI registry) request answered with an unexpected status: the method, the URI with any password
/// redacted, the status and the registry's <c>errors[].code</c> values, as oras-dotnet's ResponseException carries
/// them. The message is rendered from these.
/// </summary>
public sealed class HttpStatusException(string method, string redactedUri, int status, string? detail,
    IReadOnlyList<string> errorCodes, bool isTransient, TimeSpan? retryAfter)
    : SourceException(Render(method, redactedUri, status, detail), isTransient, retryAfter)
{
    public string Method { get; } = method;

    public string RedactedUri { get; } = redactedUri;

    public int Status { get; } = status;

    /// <summary>The registry's error codes (<c>BLOB_UNKNOWN</c>, <c>DENIED</c>, …); empty for plain HTTP.</summary>
    public IReadOnlyList<string> ErrorCodes { get; } = errorCodes;

    /// <summary>The registry's errors as one line, or the start of a non-JSON body; null when there was none.</summary>
    public string? Detail { get; } = detail;

    private static string Render(string method, string uri, int status, string? detail)
    {
        var text = $"{method} {uri}: HTTP {status} {(System.Net.HttpStatusCode)status}";
        return detail is null ? text : $"{text}: {detail}";
    }
}
