using System.Collections.Concurrent;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Sources.Http;
using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Gateway;

/// <summary>
/// http and https, IPFS-aware: a URL naming <c>/ipfs/&lt;CID&gt;</c> on a gateway is fetched trustlessly, as a CAR or
/// block by block, each block checked against its CID as it streams in and the file rebuilt from the verified DAG.
/// Only a gateway that serves neither gets the plain request (still guarded by the lockfile's SHA-256, as every
/// source is). Any other URL goes to the plain HTTP source unchanged, so the fetcher needs no IPFS special case.
/// A gateway asked for a CID it does not hold looks for it on the network and may not answer at all, so a gateway
/// request that gets no answer within <paramref name="answerTimeout"/> fails (and the next provider is tried).
/// </summary>
public sealed class IpfsGatewaySource(HttpClient client, IBlobSource http, TimeSpan answerTimeout, IStatusLog? log = null) : IBlobSource
{
    private readonly ConcurrentDictionary<string, GatewayProtocol> _protocols = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _warned = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Schemes => http.Schemes;

    public async Task<BlobResponse> OpenAsync(BlobRequest request, CancellationToken cancellationToken)
    {
        if (!GatewayUrl.TryParse(request.Url, out var gateway))
        {
            return await http.OpenAsync(request, cancellationToken).ConfigureAwait(false);
        }
        using var answer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answer.CancelAfter(answerTimeout);
        try
        {
            return await OpenGatewayAsync(request, gateway, answer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceException($"GET {HttpTransfer.Redact(request.Url)}: no answer within {answerTimeout.TotalSeconds:0} s "
                + "(a gateway that lacks a CID searches the network for it)", isTransient: false, inner: e);
        }
    }

    /// <summary>Opens the file the best way the gateway allows; <paramref name="cancellationToken"/> bounds only the opening.</summary>
    private async Task<BlobResponse> OpenGatewayAsync(BlobRequest request, GatewayUrl gateway, CancellationToken cancellationToken)
    {
        var known = _protocols.GetValueOrDefault(gateway.Authority);
        if (known is GatewayProtocol.Unknown or GatewayProtocol.Car
            && await TryCarAsync(gateway, cancellationToken).ConfigureAwait(false) is { } car)
        {
            _protocols[gateway.Authority] = GatewayProtocol.Car;
            return new BlobResponse(car, 0, car.FileSize);
        }
        if (known is GatewayProtocol.Unknown or GatewayProtocol.RawBlocks
            && await TryRawBlocksAsync(gateway, cancellationToken).ConfigureAwait(false) is { } blocks)
        {
            _protocols[gateway.Authority] = GatewayProtocol.RawBlocks;
            return new BlobResponse(blocks, 0, blocks.FileSize);
        }
        _protocols[gateway.Authority] = GatewayProtocol.PlainBytes;
        if (_warned.TryAdd(gateway.Authority, 0))
        {
            log?.Warn($"IPFS gateway {gateway.Authority} serves neither CARs nor raw blocks: its files are checked only against "
                + "the lockfile's SHA-256, not block by block");
        }
        return await http.OpenAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<UnixFsFileStream?> TryCarAsync(GatewayUrl gateway, CancellationToken cancellationToken)
    {
        var url = gateway.CarUrl;
        var response = await GatewayHttp.GetAsync(client, url, GatewayHttp.CarAccept, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!GatewayHttp.IsMediaType(response, GatewayHttp.CarMediaType))
            {
                if (GatewayHttp.IsDefinite(response.StatusCode))
                {
                    throw HttpTransfer.StatusError("GET", HttpTransfer.Redact(url), response);
                }
                response.Dispose();
                return null;
            }
            var origin = HttpTransfer.Redact(url);
            var body = new BufferedStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), 1 << 16);
            var reader = new CarReader(body, $"CAR from {origin}");
            await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            return await UnixFsFileStream.OpenAsync(gateway.Root, new CarBlockProvider(reader, origin), cancellationToken, owner: response)
                .ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<UnixFsFileStream?> TryRawBlocksAsync(GatewayUrl gateway, CancellationToken cancellationToken)
    {
        var url = gateway.BlockUrl(gateway.Root);
        using var response = await GatewayHttp.GetAsync(client, url, GatewayHttp.RawMediaType, cancellationToken).ConfigureAwait(false);
        var root = await RawBlockProvider.ReadBlockAsync(url, response, cancellationToken).ConfigureAwait(false);
        return root is null
            ? null
            : await UnixFsFileStream.OpenAsync(gateway.Root, new RawBlockProvider(client, gateway, root), cancellationToken).ConfigureAwait(false);
    }
}
