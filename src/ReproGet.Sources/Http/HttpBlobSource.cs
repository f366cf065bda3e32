using System.Net;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;

namespace ReproGet.Sources.Http;

/// <summary>
/// http and https: GET with Range to resume, redirects followed only to http(s), 5xx/408/429 transient
/// (Retry-After honoured), other statuses permanent. Credentials in the URL (<c>http://user:pass@host/</c>) are sent
/// as Basic to that host only, never to a redirect target elsewhere. HTTPS needs libssl; without it, a clear error instead of
/// .NET aborting the process.
/// </summary>
public sealed class HttpBlobSource(HttpClient client) : IBlobSource
{
    public IReadOnlyList<string> Schemes { get; } = ["http", "https"];

    public async Task<BlobResponse> OpenAsync(BlobRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url;
        var offset = request.Offset;
        for (var hop = 0; hop <= HttpTransfer.MaxRedirects; hop++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            HttpTransfer.SetResumeFrom(message, offset);
            // http://user:pass@host/ providers: Basic, as curl does, and only to the host the user named.
            if (HttpTransfer.BasicAuthorization(request.Url) is { } basic && SameOrigin(url, request.Url))
            {
                message.Headers.Authorization = basic;
            }
            var response = await HttpTransfer.SendAsync(client, message, cancellationToken).ConfigureAwait(false);
            if (HttpTransfer.IsRedirect(response.StatusCode))
            {
                var next = HttpTransfer.RedirectTarget(url, response);
                response.Dispose();
                url = next;
                continue;
            }
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && offset > 0)
            {
                // No byte at the resume point (every byte had arrived, or the file changed): asking again with the
                // same Range would only repeat the 416, so start over from byte zero.
                response.Dispose();
                offset = 0;
                continue;
            }
            return await HttpTransfer.ToBlobResponseAsync(url, offset, response, cancellationToken).ConfigureAwait(false);
        }
        throw new SourceException($"GET {HttpTransfer.Redact(request.Url)}: more than {HttpTransfer.MaxRedirects} redirects",
            isTransient: false);
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase);
}
