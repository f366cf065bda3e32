using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using static ReproGet.Core.Tests.Cache.CacheFixture;

namespace ReproGet.Core.Tests.Cache;

/// <summary>Users share the cache; <c>cache clean</c> needs it alone.</summary>
public sealed class CacheLockTests
{
    [Fact]
    public void TwoUsersShareTheCache()
    {
        using var fixture = new CacheFixture();
        using var second = ContentCache.Open(fixture.Cache.Root);
        Assert.Equal(fixture.Cache.Root, second.Root);
    }

    [Fact]
    public void CleanIsRefusedWhileTheCacheIsInUse()
    {
        using var fixture = new CacheFixture();
        var error = Assert.Throws<ReproGetException>(() => ContentCache.Clean(fixture.Cache.Root, TimeSpan.Zero));
        Assert.Contains(fixture.Cache.Root, error.Message);
        Assert.Contains("locked by another repro-get process", error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public async Task CleanRemovesBlobsAndRecordsOnceTheCacheIsFree()
    {
        using var dir = new TestKit.TempDirectory();
        var root = dir.Combine("cache");
        using (var cache = ContentCache.Open(root))
        {
            await using var pending = cache.BeginWrite();
            await pending.WriteAsync(Bytes("x"), CancellationToken.None);
            await pending.CommitAsync(DigestOf(Bytes("x")), "x", "test", CancellationToken.None);
            cache.RecordOrigin("http://h/x", DigestOf(Bytes("x")));
        }

        ContentCache.Clean(root, TimeSpan.Zero);

        Assert.Equal([Path.Combine(root, CacheLock.FileName)], Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
        using var reopened = ContentCache.Open(root);
        Assert.Empty(reopened.List());
    }

    [Fact]
    public void CleaningACacheThatDoesNotExistDoesNothing()
    {
        using var dir = new TestKit.TempDirectory();
        ContentCache.Clean(dir.Combine("never-made"));
        Assert.False(Directory.Exists(dir.Combine("never-made")));
    }
}
