using ReproGet.Core.Errors;
using ReproGet.Sources.Http;
using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Gateway;

/// <summary>
/// Blocks fetched one by one from a gateway as <c>application/vnd.ipld.raw</c> (<c>?format=raw</c>). The root block,
/// already fetched to learn that the gateway speaks this, is handed out first without asking again.
/// </summary>
internal sealed class RawBlockProvider(HttpClient client, GatewayUrl gateway, byte[] rootBlock) : IBlockProvider
{
    private byte[]? _rootBlock = rootBlock;

    public string Origin { get; } = HttpTransfer.Redact(gateway.Url);

    public async ValueTask<byte[]> GetBlockAsync(Cid cid, CancellationToken cancellationToken)
    {
        if (_rootBlock is { } root && cid.HasSameHash(gateway.Root))
        {
            _rootBlock = null;
            return root;
        }
        var url = gateway.BlockUrl(cid);
        using var response = await GatewayHttp.GetAsync(client, url, GatewayHttp.RawMediaType, cancellationToken).ConfigureAwait(false);
        return await ReadBlockAsync(url, response, cancellationToken).ConfigureAwait(false)
            ?? throw new SourceException($"GET {HttpTransfer.Redact(url)}: the gateway did not answer with a raw block "
                + $"(HTTP {(int)response.StatusCode}, {response.Content.Headers.ContentType?.MediaType ?? "no content type"})", isTransient: false);
    }

    /// <summary>The block in a raw-block response; null when the response is not one; throws for a definite failure.</summary>
    public static async Task<byte[]?> ReadBlockAsync(Uri url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!GatewayHttp.IsMediaType(response, GatewayHttp.RawMediaType))
        {
            return GatewayHttp.IsDefinite(response.StatusCode)
                ? throw HttpTransfer.StatusError("GET", HttpTransfer.Redact(url), response)
                : null;
        }
        if (response.Content.Headers.ContentLength > CarReader.MaxBlockLength)
        {
            throw new IpfsFormatException($"GET {HttpTransfer.Redact(url)}: a block of {response.Content.Headers.ContentLength} bytes is larger than any IPFS block");
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var block = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            block.Write(buffer, 0, read);
            if (block.Length > CarReader.MaxBlockLength)
            {
                throw new IpfsFormatException($"GET {HttpTransfer.Redact(url)}: the body is larger than any IPFS block");
            }
        }
        return block.ToArray();
    }
}
