namespace ReproGet.Sources.Oci;

/// <summary>
/// One registry API call, described rather than built, because it is sent again after a 401 (with credentials)
/// and, for GET and HEAD, to each redirect target: <see cref="Content"/> makes a fresh body for every attempt.
/// </summary>
public sealed record RegistryRequest(HttpMethod Method, Uri Url)
{
    public Func<HttpContent>? Content { get; init; }

    /// <summary>Bytes already held: sent as <c>Range: bytes=N-</c> when above zero.</summary>
    public long ResumeFrom { get; init; }

    public IReadOnlyList<string> Accept { get; init; } = [];

    /// <summary>Registries hand blobs to storage backends by redirect; uploads are never redirected.</summary>
    public bool FollowsRedirects => Method == HttpMethod.Get || Method == HttpMethod.Head;
}
