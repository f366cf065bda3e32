using System.Security.Cryptography;
using ReproGet.Core.Cache;
using ReproGet.Sources.Ipfs.Tests.Vectors;
using ReproGet.TestKit;

namespace ReproGet.Sources.Ipfs.Tests.Support;

/// <summary>
/// A lockfile of real files in a temp directory: the two real .debs of fixtures/ipfs and a multi-chunk file
/// (Kubo's ChaCha20 generator), all imported into a cache with the real repro-get.
/// </summary>
public sealed class LockedFiles : IDisposable
{
    private LockedFiles(TempDirectory directory, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        Directory = directory;
        Files = files;
    }

    public TempDirectory Directory { get; }

    public IReadOnlyList<(string Name, byte[] Content)> Files { get; }

    public string Lockfile => Directory.Combine("SHA256SUMS-amd64");

    public string Cache => Directory.Combine("cache");

    public static async Task<LockedFiles> CreateAsync(string seed, int size)
    {
        var directory = new TempDirectory();
        List<(string, byte[])> files =
        [
            ("pool/main/h/hello/hello_2.10-2_amd64.deb", File.ReadAllBytes(FixturePath.Get("ipfs", "debs", "hello_2.10-2_amd64.deb"))),
            ("pool/main/n/neofetch/neofetch_7.1.0-2_all.deb", File.ReadAllBytes(FixturePath.Get("ipfs", "debs", "neofetch_7.1.0-2_all.deb"))),
            ($"data/{seed}.bin", new ChaCha20Stream(seed, size).ToArray()),
        ];
        var locked = new LockedFiles(directory, files);
        var lines = files.Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(f.Item2))}  {f.Item1}\n");
        // No final newline: push must end the line before it appends (the Go tool glued its first line on).
        File.WriteAllText(locked.Lockfile, string.Concat(lines).TrimEnd('\n'));
        var paths = files.Select(f => directory.WriteFile(Path.Combine("files", Path.GetFileName(f.Item1)), f.Item2)).ToList();
        // Setup, not the subject: the cache is filled by the importer itself, no repro-get process.
        using (var cache = ContentCache.Open(locked.Cache))
        {
            Assert.Empty((await new CacheImporter(cache).ImportAsync(paths, CancellationToken.None)).Errors);
        }
        return locked;
    }

    public string Sha256(int index) => Convert.ToHexStringLower(SHA256.HashData(Files[index].Content));

    public void Dispose() => Directory.Dispose();
}
