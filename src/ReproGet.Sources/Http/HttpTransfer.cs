using System.Net;
using System.Net.Http.Headers;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;
using ReproGet.Core.Providers;

namespace ReproGet.Sources.Http;

/// <summary>
/// What every HTTP-based source does alike: send with the fault classified (unreachable, TLS, transient), follow
/// one redirect hop, read a 200 or a resumed 206 as a blob, and turn other statuses into a transient or permanent
/// <see cref="SourceException"/> (5xx/408/429/416 transient, Retry-After honoured).
/// </summary>
internal static class HttpTransfer
{
    public const int MaxRedirects = 10;

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage message,
        CancellationToken cancellationToken)
    {
        var url = message.RequestUri!;
        var what = $"{message.Method} {Redact(url)}";
        RequireTls(url, what);
        try
        {
            return await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new SourceException($"{what}: {e.Message}", isTransient: false, inner: e) { IsHostUnreachable = true, Kind = SourceFailureKind.Unreachable };
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.SecureConnectionError)
        {
            throw new SourceException($"{what}: TLS failed: {e.InnerException?.Message ?? e.Message} "
                + "(a private CA is trusted with --ca-file FILE or SSL_CERT_FILE=FILE)", isTransient: false, inner: e)
            { IsHostUnreachable = true, Kind = SourceFailureKind.Unreachable };
        }
        catch (HttpRequestException e)
        {
            throw new SourceException($"{what}: {e.Message}", isTransient: true, inner: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceException($"{what}: connection timed out", isTransient: false, inner: e) { IsHostUnreachable = true, Kind = SourceFailureKind.Unreachable };
        }
    }

    public static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>Where a redirect points, resolved against the request URL; only http and https are followed.</summary>
    public static Uri RedirectTarget(Uri from, HttpResponseMessage response)
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

    /// <summary>A 200, or a 206 starting exactly at <paramref name="offset"/>, as a blob; any other status as an error.</summary>
    public static async Task<BlobResponse> ToBlobResponseAsync(Uri url, long offset, HttpResponseMessage response,
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
        var error = StatusError("GET", Redact(url), response);
        response.Dispose();
        throw error;
    }

    /// <summary>The error for an unexpected status: transient for 5xx, 408, 429 and 416 (a resume gone wrong).</summary>
    public static HttpStatusException StatusError(string method, string redactedUri, HttpResponseMessage response,
        string? detail = null, IReadOnlyList<string>? errorCodes = null)
    {
        var status = response.StatusCode;
        var transient = (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.RequestedRangeNotSatisfiable;
        return new HttpStatusException(method, redactedUri, (int)status, detail, errorCodes ?? [], transient, RetryAfter(response))
        {
            Kind = SourceFailureKind.HttpStatus,
        };
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response)
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

    public static void SetResumeFrom(HttpRequestMessage message, long offset)
    {
        if (offset > 0)
        {
            message.Headers.Range = new RangeHeaderValue(offset, null);
        }
    }

    /// <summary>Basic credentials from the URL's user info (percent-decoded), or null when it has none.</summary>
    public static AuthenticationHeaderValue? BasicAuthorization(Uri url)
    {
        if (url.UserInfo.Length == 0)
        {
            return null;
        }
        var colon = url.UserInfo.IndexOf(':');
        var user = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
        var password = colon < 0 ? "" : Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    public static string Redact(Uri url) => ProviderTemplate.Redact(url.ToString());

    private static void RequireTls(Uri url, string what)
    {
        if (url.Scheme == "https" && !Sha256Backend.IsOpenSslAvailable)
        {
            throw new SourceException($"{what}: HTTPS needs libssl, which this system lacks; "
                + "install libssl3 or use a plain-HTTP provider (the lockfile's SHA-256, not the transport, is what is trusted)",
                isTransient: false);
        }
    }
}
