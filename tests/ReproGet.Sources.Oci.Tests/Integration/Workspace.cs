using ReproGet.Core.Cache;
using ReproGet.Core.Hashing;
using ReproGet.TestKit;

namespace ReproGet.Sources.Oci.Tests.Integration;

/// <summary>
/// What a test of the real <c>repro-get</c> against a registry needs: a lockfile of the fixture .debs, a cache that
/// holds them, a HOME with no registry credentials, and a way to run the CLI in that environment.
/// </summary>
internal sealed class Workspace : IDisposable
{
    public static readonly string[] Debs = ["hello_2.10-2_amd64.deb", "neofetch_7.1.0-2_all.deb"];

    private readonly TempDirectory _directory = new();

    private Workspace()
    {
        Lockfile = _directory.WriteFile("SHA256SUMS", string.Concat(Debs.Select(d => $"{Hex(d)}  {d}\n")));
        Directory.CreateDirectory(_directory.Combine("home"));
        // Empty values read as unset: no credentials, CA or auth file of the machine leaks in.
        Environment = new Dictionary<string, string>
        {
            ["HOME"] = _directory.Combine("home"),
            ["DOCKER_CONFIG"] = "",
            ["REGISTRY_AUTH_FILE"] = "",
            ["XDG_RUNTIME_DIR"] = "",
            ["XDG_CONFIG_HOME"] = "",
            ["SSL_CERT_FILE"] = "",
            ["NO_COLOR"] = "1",
        };
    }

    public string Lockfile { get; }

    /// <summary>A cache holding both .debs.</summary>
    public string FilledCache => _directory.Combine("filled-cache");

    public Dictionary<string, string> Environment { get; }

    public static async Task<Workspace> CreateAsync()
    {
        var workspace = new Workspace();
        using var cache = ContentCache.Open(workspace.FilledCache);
        var result = await new CacheImporter(cache).ImportAsync(Debs.Select(FixturePathOf), CancellationToken.None);
        Assert.Empty(result.Errors);
        return workspace;
    }

    public static string FixturePathOf(string deb) => FixturePath.Get("oci", "debs", deb);

    public static string Hex(string deb) => Sha256Hasher.HashBytes(File.ReadAllBytes(FixturePathOf(deb))).Hex;

    public string Combine(params string[] parts) => _directory.Combine(parts);

    public string NewCache(string name) => _directory.Combine("caches", name);

    /// <summary>Writes <c>config.json</c> into a fresh DOCKER_CONFIG directory and points the environment at it.</summary>
    public string UseDockerConfig(string json)
    {
        var directory = _directory.Combine("docker-config-" + Guid.NewGuid().ToString("N")[..8]);
        var path = _directory.WriteFile(Path.Combine(Path.GetFileName(directory), "config.json"), json);
        Environment["DOCKER_CONFIG"] = directory;
        return path;
    }

    public string WriteFile(string name, string text) => _directory.WriteFile(name, text);

    /// <summary>Runs <c>repro-get --distro none ARGS</c> in this environment.</summary>
    public Task<ReproGetProcess> RunAsync(params string[] arguments) =>
        ReproGetProcess.RunAsync(["--distro", "none", .. arguments], Environment);

    public Task<ReproGetProcess> PushAsync(string reference, params string[] options) =>
        RunAsync(["--cache", FilledCache, "oci", "push", .. options, reference, Lockfile]);

    public Task<ReproGetProcess> DownloadAsync(string cache, string provider, params string[] options) =>
        RunAsync(["--cache", cache, "download", "--provider", provider, .. options, Lockfile]);

    /// <summary>Asserts that <paramref name="cache"/> holds exactly the fixture .debs, byte for byte, and nothing else.</summary>
    public static void AssertHoldsTheDebs(string cache)
    {
        var blobs = Directory.GetFiles(Path.Combine(cache, "blobs", "sha256")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(Debs.Select(Hex).Order(), blobs);
        foreach (var deb in Debs)
        {
            Assert.Equal(File.ReadAllBytes(FixturePathOf(deb)), File.ReadAllBytes(Path.Combine(cache, "blobs", "sha256", Hex(deb))));
        }
    }

    public void Dispose() => _directory.Dispose();
}
