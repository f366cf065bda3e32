using System.Net;
using System.Net.Http.Headers;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;
using ReproGet.Core.Providers;

namespace ReproGet.Sources.Http;

/// <summary>
/// http and https: GET with Range to resume, redirects followed only to http(s), 5xx/408/429 transient
/// (Retry-After honoured), other statuses permanent. HTTPS needs libssl; without it, a clear error instead of
/// .NET aborting the process.
/// </summary>
public sealed class HttpBlobSource(HttpClient client) : IBlobSource
{
    private const int MaxRedirects = 10;

    public IReadOnlyList<string> Schemes { get; } = ["http", "https"];

    public async Task<BlobResponse> OpenAsync(BlobRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            RequireTls(url);
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            if (request.Offset > 0)
            {
                message.Headers.Range = new RangeHeaderValue(request.Offset, null);
            }
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                throw new SourceException($"GET {Redact(url)}: {e.Message}", isTransient: false, inner: e) { IsHostUnreachable = true };
            }
            catch (HttpRequestException e)
            {
                throw new SourceException($"GET {Redact(url)}: {e.Message}", isTransient: true, inner: e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SourceException($"GET {Redact(url)}: connection timed out", isTransient: false, inner: e) { IsHostUnreachable = true };
            }
            if (IsRedirect(response.StatusCode))
            {
                var next = Redirect(url, response);
                response.Dispose();
                url = next;
                continue;
            }
            return await ToBlobResponseAsync(url, request.Offset, response, cancellationToken).ConfigureAwait(false);
        }
        throw new SourceException($"GET {Redact(request.Url)}: more than {MaxRedirects} redirects", isTransient: false);
    }

    private static async Task<BlobResponse> ToBlobResponseAsync(Uri url, long offset, HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        if (status == HttpStatusCode.PartialContent && offset > 0 && response.Content.Headers.ContentRange is { From: { } from } range
            && from == offset)
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new BlobResponse(new ResponseStream(body, response), offset, range.Length);
        }
        if (status == HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new BlobResponse(new ResponseStream(body, response), 0, response.Content.Headers.ContentLength);
        }
        var retryAfter = RetryAfter(response);
        response.Dispose();
        var transient = (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.RequestedRangeNotSatisfiable;
        throw new SourceException($"GET {Redact(url)}: HTTP {(int)status} {status}", transient, retryAfter);
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static Uri Redirect(Uri from, HttpResponseMessage response)
    {
        var location = response.Headers.Location
            ?? throw new SourceException($"GET {Redact(from)}: redirect without a Location", isTransient: false);
        var next = location.IsAbsoluteUri ? location : new Uri(from, location);
        if (next.Scheme is not ("http" or "https"))
        {
            throw new SourceException($"GET {Redact(from)}: refusing redirect to \"{next.Scheme}:\" (only http and https are followed)",
                isTransient: false);
        }
        return next;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static void RequireTls(Uri url)
    {
        if (url.Scheme == "https" && !Sha256Backend.IsOpenSslAvailable)
        {
            throw new SourceException($"GET {Redact(url)}: HTTPS needs libssl, which this system lacks; "
                + "install libssl3 or use a plain-HTTP provider (the lockfile's SHA-256, not the transport, is what is trusted)",
                isTransient: false);
        }
    }

    private static string Redact(Uri url) => ProviderTemplate.Redact(url.ToString());
}
