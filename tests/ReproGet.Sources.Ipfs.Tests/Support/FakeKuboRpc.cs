using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using ReproGet.TestKit.Http;

namespace ReproGet.Sources.Ipfs.Tests.Support;

/// <summary>
/// A misbehaving stand-in for a node's RPC API (Kestrel, 127.0.0.1), for what a real node never does: answer
/// <c>add</c> with a CID of its choosing, in Kubo's shape (<c>"Size"</c> as a string) or js-ipfs' (a number).
/// </summary>
public sealed class FakeKuboRpc : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private LoopbackKestrel? _server;

    public string BaseUrl => _server?.BaseUrl ?? "";

    /// <summary>The whole JSON line <c>add</c> answers with.</summary>
    public string AddAnswer { get; set; } = "";

    /// <summary>Every request as <c>PATH?QUERY</c>.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<FakeKuboRpc> StartAsync()
    {
        var rpc = new FakeKuboRpc();
        rpc._server = await LoopbackKestrel.StartAsync(rpc.RespondAsync);
        return rpc;
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
        _requests.Enqueue(context.Request.Path + context.Request.QueryString);
        var response = context.Response;
        if (context.Request.Method != "POST")
        {
            response.StatusCode = 405;
            return;
        }
        switch (context.Request.Path.Value)
        {
            case "/api/v0/version":
                await response.WriteAsync("""{"Version":"0.0.0-fake"}""");
                break;
            case "/api/v0/add":
                await context.Request.Body.CopyToAsync(Stream.Null);
                await response.WriteAsync(AddAnswer + "\n");
                break;
            case "/api/v0/pin/ls":
                response.StatusCode = 500;
                await response.WriteAsync("""{"Message":"path is not pinned","Code":0,"Type":"error"}""");
                break;
            default:
                response.StatusCode = 404;
                await response.WriteAsync("404 page not found");
                break;
        }
    }
}
