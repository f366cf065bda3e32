using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ReproGet.Core.Errors;
using ReproGet.Sources.Http;

namespace ReproGet.Sources.Oci;

/// <summary>
/// Pushes one blob by the distribution spec: <c>HEAD</c> first (nothing to do if present), then a mount from
/// another repository when asked, else an upload session (<c>POST …/blobs/uploads/</c>) closed by a single
/// <c>PUT ?digest=</c> with the whole file, or, above <paramref name="chunkSize"/>, filled by <c>PATCH</c> chunks.
/// </summary>
public sealed class BlobUploader(RegistryClient registry, int chunkSize)
{
    private const string OctetStream = "application/octet-stream";

    public async Task<BlobPushOutcome> PushAsync(OciReference target, UploadBlob file, string? mountFrom,
        CancellationToken cancellationToken)
    {
        var scopes = mountFrom is null
            ? RegistryClient.PushScope(target)
            : [.. RegistryClient.PushScope(target), .. RegistryClient.PullScope(target.WithRepository(mountFrom))];
        if (await ExistsAsync(target, file.Digest, scopes, cancellationToken).ConfigureAwait(false))
        {
            return BlobPushOutcome.Present;
        }
        var query = mountFrom is null ? "" : $"?mount={Uri.EscapeDataString(file.Digest)}&from={Uri.EscapeDataString(mountFrom)}";
        var start = new RegistryRequest(HttpMethod.Post, target.UploadUri(query)) { Content = () => new ByteArrayContent([]) };
        Uri session;
        using (var response = await registry.SendAsync(target, start, scopes, cancellationToken).ConfigureAwait(false))
        {
            if (response.StatusCode == HttpStatusCode.Created && mountFrom is not null)
            {
                return BlobPushOutcome.Mounted;
            }
            session = await SessionAsync(start, response, cancellationToken).ConfigureAwait(false);
        }
        if (chunkSize <= 0 || file.Size <= chunkSize)
        {
            await CloseAsync(target, session, file, () => FileContent(file), scopes, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            session = await PatchChunksAsync(target, session, file, scopes, cancellationToken).ConfigureAwait(false);
            await CloseAsync(target, session, file, () => new ByteArrayContent([]), scopes, cancellationToken).ConfigureAwait(false);
        }
        return BlobPushOutcome.Uploaded;
    }

    public async Task<bool> ExistsAsync(OciReference target, string digest, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var head = new RegistryRequest(HttpMethod.Head, target.BlobUri(digest));
        using var response = await registry.SendAsync(target, head, scopes, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.NotFound => false,
            _ => throw await RegistryClient.StatusErrorAsync(head, response, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<Uri> PatchChunksAsync(OciReference target, Uri session, UploadBlob file, IReadOnlyList<string> scopes,
        CancellationToken cancellationToken)
    {
        var chunk = (int)chunkSize;
        var buffer = ArrayPool<byte>.Shared.Rent(chunk);
        try
        {
            await using var stream = file.Open();
            long offset = 0;
            int length;
            while ((length = await stream.ReadAtLeastAsync(buffer.AsMemory(0, chunk), chunk, throwOnEndOfStream: false,
                       cancellationToken).ConfigureAwait(false)) > 0)
            {
                var from = offset;
                var patch = new RegistryRequest(HttpMethod.Patch, session)
                {
                    Content = () =>
                    {
                        var content = new ByteArrayContent(buffer, 0, length);
                        content.Headers.ContentType = new MediaTypeHeaderValue(OctetStream);
                        // The spec's chunk range has no "bytes " unit: "FROM-TO", inclusive.
                        content.Headers.TryAddWithoutValidation("Content-Range",
                            string.Create(CultureInfo.InvariantCulture, $"{from}-{from + length - 1}"));
                        return content;
                    },
                };
                using var response = await registry.SendAsync(target, patch, scopes, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw await RegistryClient.StatusErrorAsync(patch, response, cancellationToken).ConfigureAwait(false);
                }
                session = Location(patch, response);
                offset += length;
            }
            if (offset != file.Size)
            {
                throw new ReproGetException($"{file.Digest}: read {offset} bytes, expected {file.Size}",
                    "the cache changed underneath; run `repro-get cache verify`");
            }
            return session;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task CloseAsync(OciReference target, Uri session, UploadBlob file, Func<HttpContent> content,
        IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var separator = string.IsNullOrEmpty(session.Query) ? "?" : "&";
        var put = new RegistryRequest(HttpMethod.Put, new Uri(session + separator + "digest=" + Uri.EscapeDataString(file.Digest)))
        {
            Content = content,
        };
        using var response = await registry.SendAsync(target, put, scopes, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.OK))
        {
            throw await RegistryClient.StatusErrorAsync(put, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<Uri> SessionAsync(RegistryRequest start, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw await RegistryClient.StatusErrorAsync(start, response, cancellationToken).ConfigureAwait(false);
        }
        return Location(start, response);
    }

    private static Uri Location(RegistryRequest request, HttpResponseMessage response)
    {
        var location = response.Headers.Location
            ?? throw new SourceException($"{request.Method} {HttpTransfer.Redact(request.Url)}: the registry gave no upload Location",
                isTransient: false);
        return location.IsAbsoluteUri ? location : new Uri(request.Url, location);
    }

    private static HttpContent FileContent(UploadBlob file)
    {
        var content = new StreamContent(file.Open(), 1 << 17);
        content.Headers.ContentType = new MediaTypeHeaderValue(OctetStream);
        content.Headers.ContentLength = file.Size;
        return content;
    }
}
