using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ReproGet.Sources.Ipfs.Tests.Support;

/// <summary>
/// A misbehaving stand-in for a node's RPC API (Kestrel, 127.0.0.1), for what a real node never does: answer
/// <c>add</c> with a CID of its choosing, in Kubo's shape (<c>"Size"</c> as a string) or js-ipfs' (a number).
/// </summary>
public sealed class FakeKuboRpc : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The whole JSON line <c>add</c> answers with.</summary>
    public string AddAnswer { get; set; } = "";

    /// <summary>Every request as <c>PATH?QUERY</c>.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<FakeKuboRpc> StartAsync()
    {
        var rpc = new FakeKuboRpc();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(rpc.RespondAsync);
        await app.StartAsync();
        rpc.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        rpc._app = app;
        return rpc;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
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
