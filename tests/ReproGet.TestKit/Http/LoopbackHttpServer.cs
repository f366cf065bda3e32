using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace ReproGet.TestKit.Http;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 with a free port, serving byte arrays by path. Each path can be set to
/// misbehave (<see cref="Misbehaviour"/>); every request is recorded so tests can assert retries and resumes.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServedFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private LoopbackKestrel? _kestrel;

    private LoopbackHttpServer()
    {
    }

    /// <summary><c>http://127.0.0.1:PORT</c>, without a trailing slash.</summary>
    public string BaseUrl => _kestrel?.BaseUrl ?? "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackHttpServer> StartAsync()
    {
        var server = new LoopbackHttpServer();
        server._kestrel = await LoopbackKestrel.StartAsync(server.RespondAsync).ConfigureAwait(false);
        return server;
    }

    /// <summary>Serves <paramref name="content"/> at <paramref name="path"/> (which starts with '/'); returns its URL.</summary>
    public string Serve(string path, byte[] content, Misbehaviour misbehaviour = Misbehaviour.None) =>
        Serve(path, new ServedFile(content, misbehaviour));

    public string Serve(string path, ServedFile file)
    {
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException("a served path starts with '/'", nameof(path));
        }
        _files[path] = file;
        return Url(path);
    }

    /// <summary>Serves <paramref name="content"/> at <c>/sha256/&lt;hex&gt;</c>, as a by-hash mirror would; returns the hex.</summary>
    public string ServeBySha256(byte[] content)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(content));
        Serve("/sha256/" + hex, content);
        return hex;
    }

    public string Url(string path) => BaseUrl + path;

    /// <summary>How many requests reached <paramref name="path"/>.</summary>
    public int RequestCount(string path) => _counts.GetValueOrDefault(path);

    public IReadOnlyList<RecordedRequest> RequestsFor(string path) => [.. _requests.Where(r => r.Path == path)];

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
        var path = context.Request.Path.Value ?? "/";
        var attempt = _counts.AddOrUpdate(path, 1, (_, count) => count + 1);
        string? range = context.Request.Headers.Range.Count > 0 ? context.Request.Headers.Range.ToString() : null;
        string? authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
        void Sent(int status) => _requests.Enqueue(new RecordedRequest(path, range, status, authorization));
        if (!_files.TryGetValue(path, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            Sent(StatusCodes.Status404NotFound);
            return;
        }
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var response = new MisbehavingResponse(context, file, RangeStart(range), Sent, aborted.Token);
        var failing = attempt <= file.Failures;
        var first = attempt == 1;
        switch (file.Misbehaviour)
        {
            case Misbehaviour.NotFound:
                response.Status(StatusCodes.Status404NotFound);
                break;
            case Misbehaviour.ServerErrorThenOk when failing:
                response.Status(StatusCodes.Status500InternalServerError);
                break;
            case Misbehaviour.TooManyRequestsThenOk when failing:
                response.TooManyRequests();
                break;
            case Misbehaviour.Redirect:
                response.Redirect();
                break;
            case Misbehaviour.Truncate:
            case Misbehaviour.BreakThenResume or Misbehaviour.BreakThenIgnoreRange when first:
                await response.HalfThenAbortAsync(honourRange: true).ConfigureAwait(false);
                break;
            case Misbehaviour.WrongBytes:
                await response.FlippedByteAsync().ConfigureAwait(false);
                break;
            case Misbehaviour.StallMidBody when first:
                await response.HalfThenStallAsync().ConfigureAwait(false);
                break;
            case Misbehaviour.StallBeforeHeaders when first:
                await response.SilenceAsync().ConfigureAwait(false);
                break;
            case Misbehaviour.Trickle:
                await response.TrickleAsync().ConfigureAwait(false);
                break;
            case Misbehaviour.Endless:
                await response.EndlessAsync().ConfigureAwait(false);
                break;
            case Misbehaviour.BreakThenIgnoreRange:
                await response.WholeAsync(honourRange: false).ConfigureAwait(false);
                break;
            default:
                await response.WholeAsync(honourRange: true).ConfigureAwait(false);
                break;
        }
    }

    // Only the form an HTTP client resuming a download sends: "bytes=N-".
    private static long? RangeStart(string? range)
    {
        if (range is null || !range.StartsWith("bytes=", StringComparison.Ordinal) || !range.EndsWith('-'))
        {
            return null;
        }
        return long.TryParse(range["bytes=".Length..^1], out var start) ? start : null;
    }
}
