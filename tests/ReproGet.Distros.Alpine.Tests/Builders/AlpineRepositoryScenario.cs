using ReproGet.Core.Distros;
using ReproGet.Core.Operations.Locking;
using ReproGet.Distros.Alpine.Configuration;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Distros.Alpine.Tests.Builders;

/// <summary>
/// An Alpine repository served by a real HTTP server on 127.0.0.1 (<c>/alpine/&lt;release&gt;/main/x86_64/…</c>), a
/// trusted throwaway signing key, and a synthetic root configured to use the repository.
/// </summary>
internal sealed class AlpineRepositoryScenario : IAsyncDisposable
{
    private AlpineRepositoryScenario(LoopbackHttpServer server, string release)
    {
        Server = server;
        Release = release;
        Repository = Root.WriteRepositories($"{server.BaseUrl}/alpine/{release}/main")[0];
        Root.Trust(Key);
    }

    public LoopbackHttpServer Server { get; }

    public string Release { get; }

    public AlpineTestRoot Root { get; } = new();

    public TestKey Key { get; } = new("repro-get-test-6a1b2c3d");

    public ApkRepository Repository { get; }

    public AlpineDistro Distro { get; } = new();

    public static async Task<AlpineRepositoryScenario> StartAsync(string release = "v3.99") =>
        new(await LoopbackHttpServer.StartAsync(), release);

    public string PathOf(string fileName) => $"/alpine/{Release}/main/x86_64/{fileName}";

    public string NameOf(BuiltPackage package) => $"{Release}/main/x86_64/{package.FileName}";

    /// <summary>The provider that serves the repository's lock names.</summary>
    public string Provider => Server.BaseUrl + "/alpine/{{.Name}}";

    /// <summary>A lockfile line pinning <paramref name="package"/>.</summary>
    public string LockLine(BuiltPackage package) => $"{package.Sha256.Hex}  {NameOf(package)}\n";

    /// <summary>Runs repro-get (in this process) on this root, cache and repository.</summary>
    public Task<CliResult> RunAsync(params string[] arguments) =>
        CliRun.RunAsync(["--distro", "alpine", "--root", Root.Root, "--cache", Root.Cache, "--provider", Provider, .. arguments]);

    /// <summary>Builds a package signed with the trusted key and serves it in the repository.</summary>
    public BuiltPackage Publish(string name, string version)
    {
        var package = TestApkBuilder.Build(name, version, Key);
        Serve(package);
        return package;
    }

    public void Serve(BuiltPackage package) => Server.Serve(PathOf(package.FileName), package.Bytes);

    /// <summary>Puts a signed index listing these records into apk's cache, as `apk update` leaves it.</summary>
    public void CacheIndex(params string[] stanzas) => Root.CacheIndex(Repository, TestIndexBuilder.Build(stanzas, Key));

    public void CacheIndex(params BuiltPackage[] packages) => CacheIndex([.. packages.Select(p => p.IndexStanza())]);

    public Task<IReadOnlyList<LockedFile>> LockAsync(params string[] packages) => LockAsync(allowMissing: false, packages);

    public Task<IReadOnlyList<LockedFile>> LockAsync(bool allowMissing, params string[] packages) =>
        Distro.Locker.LockAsync(Root.Context, new LockRequest(packages, allowMissing), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Key.Dispose();
        Root.Dispose();
    }
}
