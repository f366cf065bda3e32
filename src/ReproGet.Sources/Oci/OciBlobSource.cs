using System.Collections.Concurrent;
using System.Net;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Sources.Http;
using ReproGet.Core.Providers;

namespace ReproGet.Sources.Oci;

/// <summary>
/// <c>oci://REGISTRY/REPO</c> (and <c>oci+http</c>, <c>oci+https</c>): fetches each pinned file as the blob
/// <c>sha256:&lt;hex&gt;</c> of the repository, as ORAS stores pushed files, resuming with Range. Tags and digests
/// in the provider are ignored (a warning says so): the lockfile already names every blob.
/// </summary>
public sealed class OciBlobSource(RegistryClient registry, IStatusLog? log = null) : IBlobSource
{
    private readonly ConcurrentDictionary<string, Lazy<OciReference>> _references = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Schemes => OciSchemes.All;

    public async Task<BlobResponse> OpenAsync(BlobRequest request, CancellationToken cancellationToken)
    {
        var reference = _references.GetOrAdd(request.Url.OriginalString, p => new Lazy<OciReference>(() => Resolve(p))).Value;
        var entry = request.Entry ?? throw new SourceException($"{request.Url}: an OCI blob is fetched by its locked digest", isTransient: false);
        var digest = entry.Sha256.Prefixed;
        var blob = new RegistryRequest(HttpMethod.Get, reference.BlobUri(digest)) { ResumeFrom = request.Offset };
        var response = await registry.SendAsync(reference, blob, RegistryClient.PullScope(reference), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && blob.ResumeFrom > 0)
        {
            // No byte at the resume point: the same Range would only repeat the 416, so start over from byte zero.
            response.Dispose();
            blob = blob with { ResumeFrom = 0 };
            response = await registry.SendAsync(reference, blob, RegistryClient.PullScope(reference), cancellationToken).ConfigureAwait(false);
        }
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // Some tools push a file as a manifest; repro-get's Go version looked there too.
            var notFound = await RegistryClient.StatusErrorAsync(blob, response, cancellationToken).ConfigureAwait(false);
            response.Dispose();
            var manifest = blob with { Url = reference.ManifestUri(digest), Accept = OciMediaTypes.Manifests };
            response = await registry.SendAsync(reference, manifest, RegistryClient.PullScope(reference), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                response.Dispose();
                throw notFound;
            }
        }
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.PartialContent))
        {
            using (response)
            {
                throw await RegistryClient.StatusErrorAsync(blob, response, cancellationToken).ConfigureAwait(false);
            }
        }
        return await HttpTransfer.ToBlobResponseAsync(response.RequestMessage?.RequestUri ?? blob.Url, blob.ResumeFrom, response,
            cancellationToken).ConfigureAwait(false);
    }

    private OciReference Resolve(string provider)
    {
        var reference = OciReference.Parse(provider);
        if (reference.Tag is not null || reference.Digest is not null)
        {
            log?.Warn($"{provider}: the tag or digest is ignored; files are fetched by the lockfile's sha256 from "
                + $"{reference.Registry}/{reference.Repository}");
        }
        return reference;
    }
}
