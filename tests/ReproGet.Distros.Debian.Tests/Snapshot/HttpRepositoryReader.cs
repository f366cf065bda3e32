using ReproGet.Core.Distros;
using ReproGet.Core.Errors;

namespace ReproGet.Distros.Debian.Tests.Snapshot;

/// <summary>The run's repository reader reduced to plain HTTP GETs: what the locker sees of the loopback snapshot server.</summary>
internal sealed class HttpRepositoryReader : IRepositoryReader
{
    private static readonly HttpClient Client = new();

    public async Task<Stream> OpenAsync(string url, CancellationToken cancellationToken)
    {
        var response = await Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new ReproGetException($"cannot fetch {url}: HTTP {(int)response.StatusCode}");
        }
        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }
}
