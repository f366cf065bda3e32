using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Fetching;
using ReproGet.Distros.Alpine.Configuration;
using ReproGet.Sources.Files;
using ReproGet.Sources.Http;
using ReproGet.TestKit;

namespace ReproGet.Distros.Alpine.Tests.Builders;

/// <summary>
/// A synthetic Alpine root as apk leaves it after <c>apk update</c> and <c>apk add</c>: repositories, arch, keys,
/// the installed database and the cached indexes, plus a separate repro-get cache directory.
/// </summary>
internal sealed class AlpineTestRoot : IDisposable
{
    private readonly TempDirectory _directory = new();
    private CacheAccess? _cacheAccess;

    public AlpineTestRoot()
    {
        Directory.CreateDirectory(Root);
        Write("/etc/apk/arch", "x86_64\n");
    }

    public string Root => _directory.Combine("root");

    public string Cache => _directory.Combine("cache");

    public string KeysDirectory => Path.Combine(Root, "etc/apk/keys");

    public string ApkCache => Path.Combine(Root, "var/cache/apk");

    public RecordingLog Log { get; } = new();

    /// <summary>The run's cache, as the CLI hands it to plugins (opened on first use).</summary>
    public CacheAccess CacheAccess => _cacheAccess ??= new CacheAccess(Cache);

    public DistroContext Context => new(Root, Log)
    {
        Cache = CacheAccess,
        Repositories = new BlobSourceRepositoryReader(() => Sources, Options),
    };

    private static FetchOptions Options { get; } = new();

    /// <summary>The real http and file sources, as the CLI's catalog builds them.</summary>
    private static BlobSourceSet Sources { get; } =
        new([new HttpBlobSource(HttpClientFactory.Create(Options, "repro-get-tests")), new FileBlobSource()]);

    public void Write(string absolute, string text)
    {
        var path = Path.Combine(Root, absolute.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void WriteBytes(string absolute, byte[] bytes)
    {
        var path = Path.Combine(Root, absolute.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public IReadOnlyList<ApkRepository> WriteRepositories(params string[] urls)
    {
        Write(ApkRepository.ConfigurationPath, string.Join('\n', urls) + "\n");
        return ApkRepository.Parse(urls);
    }

    public void Trust(TestKey key) => key.WriteTo(KeysDirectory);

    public void WriteInstalled(params BuiltPackage[] packages) =>
        Write("/lib/apk/db/installed", string.Concat(packages.Select(p => p.InstalledStanza())));

    /// <summary>Puts an index where <c>apk update</c> caches it for <paramref name="repository"/>.</summary>
    public void CacheIndex(ApkRepository repository, byte[] index) =>
        WriteBytes("/var/cache/apk/" + repository.CachedIndexFileName, index);

    /// <summary>Puts a package where apk caches downloads: <c>&lt;name&gt;-&lt;version&gt;.&lt;tag&gt;.apk</c>.</summary>
    public void CachePackage(BuiltPackage package) =>
        WriteBytes($"/var/cache/apk/{package.Name}-{package.Version}.{package.Checksum.CacheTag}.apk", package.Bytes);

    public void Dispose()
    {
        _cacheAccess?.Dispose();
        _directory.Dispose();
    }
}
