using System.Security.Cryptography;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Cli.Tests.Signals;

/// <summary>
/// What keeps a long operation of the published binary busy, shared by the signal tests: a loopback server that
/// trickles one file for ever and half-sends another then stalls, a registry and IPFS node that take uploads slowly,
/// and an 8 GiB blob of zeros (a sparse file, so it costs no disk and nothing to make) in a shared cache.
/// </summary>
public sealed class BusyRunFixture : IAsyncLifetime
{
    /// <summary>SHA-256 of 8 GiB of zero bytes (computed once with <c>head -c 8G /dev/zero | sha256sum</c>).</summary>
    public const string BigSha256 = "ebfb4ef19ae410f190327b5ebd312711263bc7579970e87d9c1e2d84e06b3c25";

    public const long BigSize = 8L << 30;

    public const string TricklePath = "/pool/main/s/slow/slow_1.0-1_all.deb";

    public const string StallingPath = "/pool/main/h/half/half_1.0-1_all.deb";

    private readonly TempDirectory _temp = new();
    private LoopbackHttpServer? _server;
    private SlowUploadServer? _uploads;

    public string Binary => _temp.Combine("repro-get");

    public LoopbackHttpServer Server => _server ?? throw new InvalidOperationException("not started");

    public SlowUploadServer Uploads => _uploads ?? throw new InvalidOperationException("not started");

    /// <summary>A cache holding only the big blob; operations that only read the cache share it.</summary>
    public string BigCache => _temp.Combine("big-cache");

    /// <summary>The big blob's lockfile, naming it as a Debian package.</summary>
    public string BigLock => _temp.Combine("SHA256SUMS-big");

    /// <summary>8 GiB of zeros outside any cache, for <c>cache import</c>.</summary>
    public string BigFile => _temp.Combine("import", "big_1.0-1_all.deb");

    /// <summary>The lockfile of the file the server trickles for ever.</summary>
    public string TrickleLock => _temp.Combine("SHA256SUMS-slow");

    public byte[] Stalling { get; } = RandomBytes(4 << 20, 17);

    public string StallingSha256 => Convert.ToHexStringLower(SHA256.HashData(Stalling));

    /// <summary>The lockfile of the file whose first response sends half and then stalls (later ones honour Range).</summary>
    public string StallingLock => _temp.Combine("SHA256SUMS-half");

    public string Provider => Server.BaseUrl + "/{{.Name}}";

    public async Task InitializeAsync()
    {
        await PublishedBinary.CopyToAsync(Binary);
        _server = await LoopbackHttpServer.StartAsync();
        _uploads = await SlowUploadServer.StartAsync();
        var trickle = RandomBytes(1 << 20, 16);
        _server.Serve(TricklePath, new ServedFile(trickle, Misbehaviour.Trickle));
        _server.Serve(StallingPath, new ServedFile(Stalling, Misbehaviour.StallMidBody));
        File.WriteAllText(TrickleLock, $"{Convert.ToHexStringLower(SHA256.HashData(trickle))}  {TricklePath[1..]}\n");
        File.WriteAllText(StallingLock, $"{StallingSha256}  {StallingPath[1..]}\n");
        File.WriteAllText(BigLock, $"{BigSha256}  pool/main/b/big/big_1.0-1_all.deb\n");
        Sparse(Path.Combine(BigCache, "blobs", "sha256", BigSha256));
        Sparse(BigFile);
    }

    /// <summary>A fresh folder of this fixture (a cache or an output of one test).</summary>
    public string NewDirectory(string name) => _temp.Combine(name + "-" + Guid.NewGuid().ToString("N")[..8]);

    public RunningBinary Start(params string[] arguments) => RunningBinary.Start(Binary, arguments);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_uploads is not null)
        {
            await _uploads.DisposeAsync();
        }
        _temp.Dispose();
    }

    private static void Sparse(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        file.SetLength(BigSize);
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
