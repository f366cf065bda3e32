using System.Net;
using ReproGet.Core.Errors;
using ReproGet.Sources.Http;

namespace ReproGet.Sources.Ipfs.Gateway;

/// <summary>GET with an Accept header, redirects followed as the plain HTTP source follows them.</summary>
internal static class GatewayHttp
{
    public const string CarMediaType = "application/vnd.ipld.car";
    public const string RawMediaType = "application/vnd.ipld.raw";

    /// <summary>Kubo and the trustless gateway spec: CARv1, blocks in depth-first order, repeated blocks sent again.</summary>
    public const string CarAccept = CarMediaType + "; version=1; order=dfs; dups=y";

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, Uri url, string accept, CancellationToken cancellationToken)
    {
        for (var hop = 0; hop <= HttpTransfer.MaxRedirects; hop++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.TryAddWithoutValidation("Accept", accept);
            var response = await HttpTransfer.SendAsync(client, message, cancellationToken).ConfigureAwait(false);
            if (!HttpTransfer.IsRedirect(response.StatusCode))
            {
                return response;
            }
            var next = HttpTransfer.RedirectTarget(url, response);
            response.Dispose();
            url = next;
        }
        throw new SourceException($"GET {HttpTransfer.Redact(url)}: more than {HttpTransfer.MaxRedirects} redirects", isTransient: false);
    }

    public static bool IsMediaType(HttpResponseMessage response, string mediaType) =>
        response.StatusCode == HttpStatusCode.OK
        && string.Equals(response.Content.Headers.ContentType?.MediaType, mediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>A 404 or 410 means the gateway lacks the content; 5xx, 408 and 429 are worth a retry.</summary>
    public static bool IsDefinite(HttpStatusCode status) =>
        status is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (int)status >= 500 && status is not HttpStatusCode.NotImplemented;
}
