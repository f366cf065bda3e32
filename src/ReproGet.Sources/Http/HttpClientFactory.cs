using System.Net;
using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;

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
        // Without libssl there is no TLS anyway (https fails with its own clear error), and reading certificates
        // would touch System.Security.Cryptography, which aborts the process there; plain http must keep working.
        if (!string.IsNullOrEmpty(options.CaFile) && Sha256Backend.IsOpenSslAvailable)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = CaFileTrust.Open(options.CaFile).Validate;
        }
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }
}
