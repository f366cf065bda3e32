using System.Security.Cryptography;
using ReproGet.Core.Cache;
using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Providers;
using ReproGet.Sources.Files;
using ReproGet.Sources.Http;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Sources.Tests.Fetching;

/// <summary>
/// A real fetch: a loopback Kestrel server, a cache in a temp dir, the real http and file sources, and fetch options
/// with short delays so misbehaviour costs milliseconds.
/// </summary>
internal sealed class FetchScenario : IAsyncDisposable
{
    public static readonly FetchOptions FastOptions = new()
    {
        Jobs = 4,
        PerHost = 4,
        Retries = 3,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        StallTimeout = TimeSpan.FromSeconds(1),
    };

    private FetchScenario(LoopbackHttpServer server)
    {
        Server = server;
        Cache = ContentCache.Open(Directory.Combine("cache"));
    }

    public LoopbackHttpServer Server { get; }

    public TempDirectory Directory { get; } = new();

    public ContentCache Cache { get; }

    public RecordingProgress Progress { get; } = new();

    public static async Task<FetchScenario> StartAsync() => new(await LoopbackHttpServer.StartAsync());

    /// <summary>Deterministic pseudo-random bytes, different per <paramref name="seed"/>.</summary>
    public static byte[] Content(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static LockEntry Entry(string name, byte[] content) =>
        new(name, Sha256Digest.FromBytes(SHA256.HashData(content)), null, DateTimeOffset.FromUnixTimeSeconds(1639958400));

    public Task<IReadOnlyList<FetchOutcome>> FetchAsync(IReadOnlyList<LockEntry> entries, FetchOptions? options,
        params string[] providers) =>
        FetchAsync([.. entries.Select(e => new FetchItem(e))], options, providers);

    public async Task<IReadOnlyList<FetchOutcome>> FetchAsync(IReadOnlyList<FetchItem> items, FetchOptions? options,
        params string[] providers)
    {
        options ??= FastOptions;
        using var client = HttpClientFactory.Create(options, "repro-get-tests");
        var sources = new BlobSourceSet([new HttpBlobSource(client), new FileBlobSource()]);
        var fetcher = new Fetcher(Cache, sources, options, Progress);
        return await fetcher.FetchAsync(items, [.. providers.Select(ProviderTemplate.Parse)], CancellationToken.None);
    }

    public Task<IReadOnlyList<FetchOutcome>> FetchAsync(IReadOnlyList<LockEntry> entries, params string[] providers) =>
        FetchAsync(entries, null, providers);

    /// <summary>The cache holds exactly these blobs, each hashing to its name, and no temp file.</summary>
    public void AssertCacheHoldsOnly(params LockEntry[] entries)
    {
        Assert.Equal(entries.Select(e => e.Sha256.Hex).Distinct().Order(StringComparer.Ordinal),
            Cache.List().Select(b => b.Sha256.Hex));
        foreach (var entry in entries)
        {
            Assert.Equal(entry.Sha256, Sha256Digest.FromBytes(SHA256.HashData(File.ReadAllBytes(Cache.BlobPath(entry.Sha256)))));
        }
        Assert.Empty(System.IO.Directory.EnumerateFiles(Cache.BlobDirectory, "*.tmp"));
    }

    public async ValueTask DisposeAsync()
    {
        Cache.Dispose();
        await Server.DisposeAsync();
        Directory.Dispose();
    }
}
