using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using ReproGet.TestKit.Http;

namespace ReproGet.TestKit.Registry;

/// <summary>
/// A storage backend a registry redirects blob downloads to (Kestrel on 127.0.0.1, reached as <c>localhost</c>,
/// so it is another host than the registry): serves the files under a directory and records whether each
/// request came with an Authorization header.
/// </summary>
public sealed class StorageServer : IAsyncDisposable
{
    private readonly string _root;
    private readonly ConcurrentQueue<(string Path, string? Authorization)> _requests = new();
    private LoopbackKestrel? _kestrel;

    private StorageServer(string root) => _root = root;

    /// <summary><c>http://localhost:PORT/</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public int Port { get; private set; }

    public IReadOnlyList<(string Path, string? Authorization)> Requests => [.. _requests];

    /// <summary>Listens on a port chosen up front (the registry's config names it before the registry starts).</summary>
    public static async Task<StorageServer> StartAsync(string root, int port)
    {
        var server = new StorageServer(root) { Port = port, BaseUrl = $"http://localhost:{port}/" };
        server._kestrel = await LoopbackKestrel.StartAsync(server.RespondAsync, port).ConfigureAwait(false);
        return server;
    }

    public ValueTask DisposeAsync() => _kestrel?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task RespondAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
        _requests.Enqueue((path, authorization));
        var file = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        if (!file.StartsWith(Path.GetFullPath(_root) + "/", StringComparison.Ordinal) || !File.Exists(file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentLength = new FileInfo(file).Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.SendFileAsync(file).ConfigureAwait(false);
        }
    }
}
