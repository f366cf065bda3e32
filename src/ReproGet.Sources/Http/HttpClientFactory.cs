using System.Net;
using ReproGet.Core.Fetching;

namespace ReproGet.Sources.Http;

/// <summary>The one place an HttpClient is built: connect timeout, no overall timeout (stalls are caught per read).</summary>
public static class HttpClientFactory
{
    public static HttpClient Create(FetchOptions options, string userAgent)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = Math.Max(1, options.PerHost),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (!string.IsNullOrEmpty(options.CaFile))
        {
            handler.SslOptions.RemoteCertificateValidationCallback = CaFileTrust.Load(options.CaFile).Validate;
        }
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }
}
