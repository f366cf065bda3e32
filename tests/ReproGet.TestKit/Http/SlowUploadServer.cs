using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace ReproGet.TestKit.Http;

/// <summary>
/// A registry or IPFS node that takes uploads slowly and never finishes one: just enough of the OCI distribution API
/// to reach a blob upload (<c>GET /v2/</c> 200, <c>HEAD</c> 404, <c>POST …/blobs/uploads/</c> 202 with a Location),
/// then every <c>PATCH</c>, <c>PUT</c> and Kubo RPC <c>POST /api/v0/…</c> body is read a few KiB at a time, with no
/// answer, until the client goes away. Keeps a push busy for as long as a test needs.
/// </summary>
public sealed class SlowUploadServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private LoopbackKestrel? _kestrel;
    private readonly ConcurrentDictionary<string, long> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    private SlowUploadServer()
    {
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl => _kestrel?.BaseUrl ?? "";

    /// <summary><c>127.0.0.1:PORT</c>, as a registry reference names it.</summary>
    public string Authority => new Uri(BaseUrl).Authority;

    /// <summary>
    /// Upload body bytes received so far by requests whose path starts with <paramref name="prefix"/>. (A body a
    /// client sent before it went away is still read for a while after, so tests tell their runs apart by path.)
    /// </summary>
    public long BytesReceived(string prefix) => _received.Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(r => r.Value);

    /// <summary>Requests that reached a path starting with <paramref name="prefix"/>.</summary>
    public int Requests(string prefix) => _requests.Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(r => r.Value);

    public static async Task<SlowUploadServer> StartAsync()
    {
        var server = new SlowUploadServer();
        server._kestrel = await LoopbackKestrel.StartAsync(server.RespondAsync).ConfigureAwait(false);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_kestrel is not null)
        {
            await _kestrel.DisposeAsync().ConfigureAwait(false);
        }
        _stopping.Dispose();
    }

    private async Task RespondAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        _requests.AddOrUpdate(path, 1, (_, count) => count + 1);
        if (HttpMethods.IsGet(request.Method) && path == "/v2/")
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        if (HttpMethods.IsHead(request.Method) || HttpMethods.IsGet(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (HttpMethods.IsPost(request.Method) && path.EndsWith("/blobs/uploads/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            context.Response.Headers.Location = path + Guid.NewGuid().ToString("N");
            return;
        }
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, aborted.Token).ConfigureAwait(false)) > 0)
            {
                _received.AddOrUpdate(path, read, (_, total) => total + read);
                await Task.Delay(TimeSpan.FromMilliseconds(50), aborted.Token).ConfigureAwait(false);
            }
            // The whole body came (a small one): keep the client waiting for the answer.
            await Task.Delay(Timeout.InfiniteTimeSpan, aborted.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The client went away, as the test wants.
        }
    }
}
