using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ReproGet.TestKit.Http;

/// <summary>
/// A bare Kestrel on 127.0.0.1 answering every request with one delegate: what every loopback test server
/// (<see cref="LoopbackHttpServer"/>, the registry's token and storage servers, fake IPFS nodes) stands on.
/// </summary>
public sealed class LoopbackKestrel : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackKestrel(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <param name="respond">Answers every request.</param>
    /// <param name="port">0 for any free port; a fixed one when something must be told it before the server starts.</param>
    public static async Task<LoopbackKestrel> StartAsync(RequestDelegate respond, int port = 0)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(respond);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackKestrel(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
