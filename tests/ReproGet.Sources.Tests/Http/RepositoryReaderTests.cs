using System.Net;
using System.Net.Sockets;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Sources.Files;
using ReproGet.Sources.Http;
using ReproGet.TestKit.Http;

namespace ReproGet.Sources.Tests.Http;

/// <summary>The run's repository reader against a real loopback server and a closed port.</summary>
public sealed class RepositoryReaderTests : IDisposable
{
    private readonly HttpClient _client = HttpClientFactory.Create(Fetching.FetchScenario.FastOptions, "repro-get-tests");

    [Fact]
    public async Task AHostThatGaveNoAnswerIsNotAskedAgainInTheRun()
    {
        var reader = Reader();
        var port = ClosedPort();

        var first = await Assert.ThrowsAsync<ReproGetException>(() => reader.OpenAsync($"http://127.0.0.1:{port}/a", CancellationToken.None));
        var second = await Assert.ThrowsAsync<ReproGetException>(() => reader.OpenAsync($"http://127.0.0.1:{port}/b", CancellationToken.None));

        Assert.DoesNotContain("not asked again", first.Message, StringComparison.Ordinal);
        Assert.Contains("/b", second.Message, StringComparison.Ordinal);
        Assert.Contains("not asked again", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostThatAnsweredWithAStatusIsAskedAgain()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Serve("/present", [1, 2, 3]);
        var reader = Reader();

        await Assert.ThrowsAsync<ReproGetException>(() => reader.OpenAsync(server.BaseUrl + "/missing", CancellationToken.None));
        await using var stream = await reader.OpenAsync(server.BaseUrl + "/present", CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal([1, 2, 3], copy.ToArray());
    }

    public void Dispose() => _client.Dispose();

    private BlobSourceRepositoryReader Reader() =>
        new(() => new BlobSourceSet([new HttpBlobSource(_client), new FileBlobSource()]), Fetching.FetchScenario.FastOptions);

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
