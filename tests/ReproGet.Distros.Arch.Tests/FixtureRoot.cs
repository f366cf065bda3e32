using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests;

/// <summary>
/// A writable copy of <c>fixtures/arch/root</c>: a real 2019 local database (bash, glibc, pacman, xz) and the real
/// core.db and multilib-testing.db sync databases of that time, with a cache directory beside it.
/// </summary>
internal sealed class FixtureRoot : IDisposable
{
    private readonly TempDirectory _temp = new();

    private readonly CacheAccess _cache;

    public FixtureRoot()
    {
        _cache = new CacheAccess(Cache);
        Copy(FixturePath.Get("arch", "root"), Root);
    }

    public string Root => _temp.Combine("root");

    public string Cache => _temp.Combine("cache");

    public RecordingLog Log { get; } = new();

    public DistroContext Context(bool withCache = true) => new(Root, Log) { Cache = withCache ? _cache : null };

    public string PathInRoot(string absolute) => Path.Combine(Root, absolute.TrimStart('/'));

    public void Dispose()
    {
        _cache.Dispose();
        _temp.Dispose();
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
