using System.Security.Cryptography;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Http;
using ReproGet.TestKit.Http;

namespace ReproGet.Sources.Tests.Http;

/// <summary>The http source on its own: statuses, Range, redirects, unreachable hosts.</summary>
[Trait("Category", "Integration")]
public sealed class HttpBlobSourceTests : IAsyncLifetime
{
    private static readonly byte[] Bytes = Fetching.FetchScenario.Content(10_000);
    private static readonly LockEntry Entry = new("x.bin", Sha256Digest.FromBytes(SHA256.HashData(Bytes)));

    private readonly HttpClient _client = HttpClientFactory.Create(Fetching.FetchScenario.FastOptions, "repro-get-tests");
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(BlobResponse Response, byte[] Body)> OpenAsync(string path, long offset = 0)
    {
        var response = await new HttpBlobSource(_client).OpenAsync(new BlobRequest(new Uri(_server.Url(path)), Entry, offset), CancellationToken.None);
        using var body = new MemoryStream();
        await response.Content.CopyToAsync(body);
        await response.DisposeAsync();
        return (response, body.ToArray());
    }

    private async Task<SourceException> FailAsync(string path, long offset = 0) =>
        await Assert.ThrowsAnyAsync<SourceException>(() => OpenAsync(path, offset));

    [Fact]
    public async Task AWholeBodyStartsAtZeroWithItsLength()
    {
        _server.Serve("/x", Bytes);
        var (response, body) = await OpenAsync("/x");
        Assert.Equal((0L, (long?)Bytes.Length), (response.Offset, response.TotalLength));
        Assert.Equal(Bytes, body);
    }

    [Fact]
    public async Task AResumeAsksForTheRestWithRange()
    {
        _server.Serve("/x", Bytes);
        var (response, body) = await OpenAsync("/x", 4000);
        Assert.Equal((4000L, (long?)Bytes.Length), (response.Offset, response.TotalLength));
        Assert.Equal(Bytes[4000..], body);
        Assert.Equal(("bytes=4000-", 206), (_server.Requests[0].Range, _server.Requests[0].Status));
    }

    [Fact]
    public async Task AServerIgnoringRangeSendsEverythingFromZero()
    {
        _server.Serve("/x", new ServedFile(Bytes, Misbehaviour.BreakThenIgnoreRange));
        await Assert.ThrowsAnyAsync<IOException>(() => OpenAsync("/x"));
        var (response, body) = await OpenAsync("/x", 4000);
        Assert.Equal("bytes=4000-", _server.Requests[1].Range);
        Assert.Equal(0, response.Offset);
        Assert.Equal(Bytes, body);
    }

    [Fact]
    public async Task AResumePastTheEndStartsOver()
    {
        // 416: the server has no byte at that offset (every byte had arrived, or the file changed).
        _server.Serve("/x", Bytes);
        var (response, body) = await OpenAsync("/x", Bytes.Length);
        Assert.Equal(0, response.Offset);
        Assert.Equal(Bytes, body);
        Assert.Equal([416, 200], _server.Requests.Select(r => r.Status));
    }

    [Theory]
    [InlineData(Misbehaviour.NotFound, false, "HTTP 404")]
    [InlineData(Misbehaviour.ServerErrorThenOk, true, "HTTP 500")]
    [InlineData(Misbehaviour.TooManyRequestsThenOk, true, "HTTP 429")]
    public async Task StatusesAreTransientOrNotAndNameTheUrl(Misbehaviour misbehaviour, bool transient, string text)
    {
        _server.Serve("/x", new ServedFile(Bytes, misbehaviour) { RetryAfterSeconds = 7 });
        var error = await FailAsync("/x");
        Assert.Equal(transient, error.IsTransient);
        Assert.Contains($"GET {_server.Url("/x")}: {text}", error.Message);
        Assert.Equal(misbehaviour == Misbehaviour.TooManyRequestsThenOk ? TimeSpan.FromSeconds(7) : null, error.RetryAfter);
    }

    [Fact]
    public async Task RedirectsAreFollowedButNotForever()
    {
        _server.Serve("/a", new ServedFile([], Misbehaviour.Redirect) { Location = "/b" });
        _server.Serve("/b", new ServedFile([], Misbehaviour.Redirect) { Location = _server.Url("/x") });
        _server.Serve("/x", Bytes);
        _server.Serve("/loop", new ServedFile([], Misbehaviour.Redirect) { Location = "/loop" });

        Assert.Equal(Bytes, (await OpenAsync("/a")).Body);
        var error = await FailAsync("/loop");
        Assert.Contains("more than 10 redirects", error.Message);
        Assert.False(error.IsTransient);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file:")]
    [InlineData("ftp://127.0.0.1/x", "ftp:")]
    public async Task RedirectsLeavingHttpAreRefused(string location, string scheme)
    {
        _server.Serve("/x", new ServedFile([], Misbehaviour.Redirect) { Location = location });
        var error = await FailAsync("/x");
        Assert.Contains($"refusing redirect to \"{scheme}\"", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task ARefusedConnectionMarksTheHostUnreachable()
    {
        var url = _server.Url("/x");
        await _server.DisposeAsync();
        _server = await LoopbackHttpServer.StartAsync();
        var error = await Assert.ThrowsAsync<SourceException>(() =>
            new HttpBlobSource(_client).OpenAsync(new BlobRequest(new Uri(url), Entry, 0), CancellationToken.None));
        Assert.True(error.IsHostUnreachable);
        Assert.Contains(url, error.Message);
    }

    [Fact]
    public async Task CredentialsInTheUrlAreSentAsBasicToThatHostOnly()
    {
        _server.Serve("/private/x", Bytes);
        _server.Serve("/hop", new ServedFile([], Misbehaviour.Redirect) { Location = "/private/x" });
        var withUser = new Uri(_server.Url("/hop").Replace("http://", "http://alice:s3cr%3At@", StringComparison.Ordinal));

        var response = await new HttpBlobSource(_client).OpenAsync(new BlobRequest(withUser, Entry, 0), CancellationToken.None);
        await response.DisposeAsync();

        var expected = "Basic " + Convert.ToBase64String("alice:s3cr:t"u8.ToArray());
        Assert.Equal(expected, Assert.Single(_server.RequestsFor("/hop")).Authorization);
        Assert.Equal(expected, Assert.Single(_server.RequestsFor("/private/x")).Authorization);
    }

    [Fact]
    public async Task AnHttpFailureCarriesItsMethodRedactedUriAndStatus()
    {
        _server.Serve("/gone", Bytes, Misbehaviour.NotFound);
        var withUser = new Uri(_server.Url("/gone").Replace("http://", "http://alice:secret@", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<HttpStatusException>(() =>
            new HttpBlobSource(_client).OpenAsync(new BlobRequest(withUser, Entry, 0), CancellationToken.None));

        Assert.Equal(("GET", 404, SourceFailureKind.HttpStatus), (error.Method, error.Status, error.Kind));
        Assert.DoesNotContain("secret", error.RedactedUri);
        Assert.DoesNotContain("secret", error.Message);
        Assert.Empty(error.ErrorCodes);
    }
}
