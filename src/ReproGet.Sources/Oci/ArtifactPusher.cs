using System.Net;
using System.Net.Http.Headers;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Core.Operations.Pushing;
using ReproGet.Core.Resilience;

namespace ReproGet.Sources.Oci;

/// <summary>
/// Pushes files as one OCI artifact: every blob the registry lacks, in parallel (retrying transient faults), then
/// the empty config, then the manifest under the target's tag. What ORAS pushes, so <c>oras pull</c> gets the files
/// back by name, and what <see cref="OciBlobSource"/> fetches by digest.
/// </summary>
public sealed class ArtifactPusher(RegistryClient registry, PushOptions options, IStatusLog? log = null,
    ResilienceRegistry? resilience = null)
{
    // The run's registry when the caller shares one; else one for this push, with the push policy from the options.
    private readonly ResilienceRegistry _resilience = resilience ?? new ResilienceRegistry(push: options.RetryPolicy);

    private Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync(ResiliencePurpose.Push, action, cancellationToken,
            onRetry: (fault, delay) => log?.Debug($"retrying in {delay.TotalSeconds:0.#} s: {fault.Message}"));

    public async Task<ArtifactPushResult> PushAsync(OciReference target, IReadOnlyList<ArtifactFile> files,
        IEnumerable<KeyValuePair<string, string>> annotations, CancellationToken cancellationToken)
    {
        if (target.Digest is not null)
        {
            throw new ReproGetException($"cannot push to \"{target}\": a pushed manifest is named by a tag, not a digest",
                "give a tag, e.g. oci://REGISTRY/REPO:v1 (the digest is printed after the push)");
        }
        var uploader = new BlobUploader(registry, options.ChunkSize);
        int uploaded = 0, present = 0, mounted = 0;
        long bytes = 0;
        var blobs = files.DistinctBy(f => f.Digest).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(blobs, parallel, async (file, ct) =>
        {
            var outcome = await WithRetriesAsync(
                token => uploader.PushAsync(target, UploadBlob.FromFile(file), options.MountFrom, token), ct).ConfigureAwait(false);
            switch (outcome)
            {
                case BlobPushOutcome.Uploaded:
                    Interlocked.Increment(ref uploaded);
                    Interlocked.Add(ref bytes, file.Size);
                    break;
                case BlobPushOutcome.Mounted:
                    Interlocked.Increment(ref mounted);
                    break;
                default:
                    Interlocked.Increment(ref present);
                    break;
            }
            log?.Debug($"{file.Title} ({file.Digest}): {outcome.ToString().ToLowerInvariant()}");
        }).ConfigureAwait(false);
        var config = UploadBlob.FromBytes(ArtifactManifest.EmptyConfigDigest.Prefixed, ArtifactManifest.EmptyConfig);
        await WithRetriesAsync(token => uploader.PushAsync(target, config, null, token), cancellationToken).ConfigureAwait(false);
        var manifest = ArtifactManifest.Build(options.ArtifactType, files, annotations);
        var digest = Sha256Hasher.HashBytes(manifest).Prefixed;
        await WithRetriesAsync(async token =>
        {
            await PutManifestAsync(target, manifest, digest, token).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return new ArtifactPushResult(digest, uploaded, present, mounted, bytes);
    }

    private async Task PutManifestAsync(OciReference target, byte[] manifest, string digest, CancellationToken cancellationToken)
    {
        var put = new RegistryRequest(HttpMethod.Put, target.ManifestUri(target.Tag ?? "latest"))
        {
            Content = () =>
            {
                var content = new ByteArrayContent(manifest);
                content.Headers.ContentType = new MediaTypeHeaderValue(OciMediaTypes.ImageManifest);
                return content;
            },
        };
        using var response = await registry.SendAsync(target, put, RegistryClient.PushScope(target), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            throw await RegistryClient.StatusErrorAsync(put, response, cancellationToken).ConfigureAwait(false);
        }
        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { } stored
            && stored != digest)
        {
            log?.Warn($"{target}: the registry stored the manifest as {stored}, not {digest} (it rewrote it)");
        }
    }
}
