using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.TestKit.Http;

namespace ReproGet.Sources.Ipfs.Tests.Support;

/// <summary>
/// A real HTTP server (Kestrel, 127.0.0.1) that answers <c>GET /ipfs/&lt;CID&gt;</c> as a trustless gateway does:
/// <c>?format=car</c> as a CARv1, <c>?format=raw</c> as one block, anything else as the file's bytes. It can be
/// told to misbehave: refuse either format, alter one byte of one block, send the CAR out of order or without
/// repeated blocks. js-ipfs' own gateway predates the trustless formats, so for the real node this sits in front
/// of its RPC API (<c>dag/export</c>, <c>block/get</c>).
/// </summary>
public sealed class TrustlessGateway : IAsyncDisposable
{
    private readonly IGatewayBackend _backend;
    private readonly ConcurrentQueue<string> _requests = new();
    private LoopbackKestrel? _server;

    private TrustlessGateway(IGatewayBackend backend) => _backend = backend;

    public string BaseUrl => _server?.BaseUrl ?? "";

    public bool ServesCar { get; set; } = true;

    public bool ServesRaw { get; set; } = true;

    /// <summary>A block with one byte (in its middle) flipped wherever it is served.</summary>
    public Cid? CorruptBlock { get; set; }

    public bool ReverseCarOrder { get; set; }

    public bool OmitRepeatedBlocks { get; set; }

    /// <summary>Every request as <c>PATH?QUERY</c>.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public string TemplateFor(string placeholder = "{{.CID}}") => $"{BaseUrl}/ipfs/{placeholder}";

    public static async Task<TrustlessGateway> StartAsync(IGatewayBackend backend)
    {
        var gateway = new TrustlessGateway(backend);
        gateway._server = await LoopbackKestrel.StartAsync(gateway.RespondAsync);
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task RespondAsync(HttpContext context)
    {
        var request = context.Request;
        _requests.Enqueue(request.Path + request.QueryString);
        var path = request.Path.Value ?? "";
        if (!path.StartsWith("/ipfs/", StringComparison.Ordinal) || !Cid.TryParse(path["/ipfs/".Length..], out var cid))
        {
            context.Response.StatusCode = 400;
            return;
        }
        var format = request.Query["format"].ToString();
        var response = context.Response;
        if (format is "car" or "raw" && await _backend.BlockAsync(cid) is null)
        {
            response.StatusCode = 404;
        }
        else if (format == "car" && ServesCar)
        {
            response.ContentType = "application/vnd.ipld.car; version=1";
            await WriteCarAsync(cid, response.Body);
        }
        else if (format == "raw" && ServesRaw)
        {
            var block = (await _backend.BlockAsync(cid))!;
            response.ContentType = "application/vnd.ipld.raw";
            await response.Body.WriteAsync(Altered(cid, block));
        }
        else if (format is "car" or "raw")
        {
            response.StatusCode = 406;
        }
        else if (await _backend.FileAsync(cid) is { } file)
        {
            response.ContentType = "application/octet-stream";
            await response.Body.WriteAsync(file);
        }
        else
        {
            response.StatusCode = 404;
        }
    }

    private async Task WriteCarAsync(Cid root, Stream output)
    {
        if (CorruptBlock is null && !ReverseCarOrder && !OmitRepeatedBlocks && await _backend.VerbatimCarAsync(root) is { } verbatim)
        {
            await using (verbatim)
            {
                await verbatim.CopyToAsync(output);
            }
            return;
        }
        IEnumerable<(Cid Cid, byte[] Block)> blocks = await _backend.DepthFirstAsync(root);
        if (OmitRepeatedBlocks)
        {
            blocks = blocks.DistinctBy(b => Convert.ToBase64String(b.Cid.Multihash));
        }
        if (ReverseCarOrder)
        {
            blocks = blocks.Reverse();
        }
        var header = CarHeader.Encode([root]);
        await output.WriteAsync(Varint.Encode((ulong)header.Length));
        await output.WriteAsync(header);
        foreach (var (cid, block) in blocks)
        {
            var cidBytes = cid.ToBytes();
            var data = Altered(cid, block);
            await output.WriteAsync(Varint.Encode((ulong)(cidBytes.Length + data.Length)));
            await output.WriteAsync(cidBytes);
            await output.WriteAsync(data);
        }
    }

    private byte[] Altered(Cid cid, byte[] block)
    {
        if (CorruptBlock is null || !cid.HasSameHash(CorruptBlock))
        {
            return block;
        }
        var altered = (byte[])block.Clone();
        altered[altered.Length / 2] ^= 0x01;
        return altered;
    }
}
