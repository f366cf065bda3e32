using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Fetching;

/// <summary>
/// Where bytes come from, by URL scheme: http(s), file, oci, ipfs gateways. A source only opens a stream;
/// the fetcher hashes, verifies and caches it, so no source needs to be trusted.
/// </summary>
public interface IBlobSource
{
    /// <summary>The URL schemes this source serves, lowercase (<c>http</c>, <c>oci+https</c>, …).</summary>
    IReadOnlyList<string> Schemes { get; }

    /// <summary>
    /// Opens the blob at <see cref="BlobRequest.Url"/>, starting at <see cref="BlobRequest.Offset"/> if it can.
    /// Throws <see cref="Errors.SourceException"/>: transient for faults worth retrying, permanent otherwise.
    /// </summary>
    Task<BlobResponse> OpenAsync(BlobRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// A request for one blob: the rendered URL, the entry it must match, and how many bytes are already held. The entry
/// is null when the digest is what the read is to learn (a repository index); only http(s) and file serve those.
/// </summary>
public sealed record BlobRequest(Uri Url, LockEntry? Entry, long Offset);

/// <summary>
/// An open blob. <see cref="Offset"/> is where <see cref="Content"/> starts: the requested offset when the source
/// resumed, 0 when it sent everything again. <see cref="TotalLength"/> is the full size when known.
/// </summary>
public sealed class BlobResponse(Stream content, long offset, long? totalLength) : IAsyncDisposable
{
    public Stream Content { get; } = content;

    public long Offset { get; } = offset;

    public long? TotalLength { get; } = totalLength;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
