using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using static ReproGet.Core.Tests.Cache.CacheFixture;

namespace ReproGet.Core.Tests.Cache;

/// <summary>The cache layout (the Go tool's), committing verified bytes atomically, never keeping unverified ones.</summary>
public sealed class ContentCacheTests
{
    [Fact]
    public void OpeningCreatesTheGoToolsLayout()
    {
        using var fixture = new CacheFixture();
        foreach (var dir in new[] { "blobs/sha256", "metadata/sha256", "digests/by-url-sha256" })
        {
            Assert.True(Directory.Exists(Path.Combine(fixture.Cache.Root, dir)), dir);
        }
    }

    [Fact]
    public void AnEmptyCachePathIsAnErrorWithAHint()
    {
        var error = Assert.Throws<ReproGetException>(() => ContentCache.Open(""));
        Assert.Contains("REPRO_GET_CACHE", error.Hint);
    }

    [Fact]
    public void AnUncreatableCacheIsAnErrorNamingIt()
    {
        using var dir = new TestKit.TempDirectory();
        var file = dir.WriteFile("file", "not a directory");
        var error = Assert.Throws<ReproGetException>(() => ContentCache.Open(Path.Combine(file, "cache")));
        Assert.Contains(file, error.Message);
    }

    [Fact]
    public async Task AMatchingBlobIsCommittedUnderItsDigestWithItsBasename()
    {
        using var fixture = new CacheFixture();
        var bytes = Bytes("hello");
        var digest = await fixture.AddAsync(bytes, "hello_2.10-2_amd64.deb");

        Assert.Equal(Path.Combine(fixture.Cache.Root, "blobs", "sha256", digest.Hex), fixture.Cache.BlobPath(digest));
        Assert.Equal(bytes, File.ReadAllBytes(fixture.Cache.BlobPath(digest)));
        Assert.True(fixture.Cache.Contains(digest));
        Assert.Equal("""{"Basename":"hello_2.10-2_amd64.deb"}""",
            File.ReadAllText(Path.Combine(fixture.Cache.Root, "metadata", "sha256", digest.Hex)));
        Assert.Equal("hello_2.10-2_amd64.deb", fixture.Cache.ReadBasename(digest));
        Assert.Empty(fixture.TempFiles());
    }

    [Fact]
    public async Task AMismatchLeavesNoBlobAndNoTempFile()
    {
        using var fixture = new CacheFixture();
        var expected = DigestOf(Bytes("what the lockfile pins"));
        string temp;
        await using (var pending = fixture.Cache.BeginWrite())
        {
            temp = pending.TempPath;
            await pending.WriteAsync(Bytes("what a mirror served"), CancellationToken.None);
            Assert.True(File.Exists(temp));
            var error = await Assert.ThrowsAsync<DigestMismatchException>(() =>
                pending.CommitAsync(expected, "x.deb", "pool/x.deb from http://mirror/x.deb", CancellationToken.None));
            Assert.Contains("pool/x.deb from http://mirror/x.deb", error.Message);
            Assert.Contains(expected.Hex, error.Message);
            Assert.Contains(DigestOf(Bytes("what a mirror served")).Hex, error.Message);
        }
        Assert.False(fixture.Cache.Contains(expected));
        Assert.False(File.Exists(temp));
        Assert.Empty(fixture.TempFiles());
        Assert.Empty(fixture.Cache.List());
    }

    [Fact]
    public async Task TempFilesLiveInTheBlobDirectoryAndVanishWithoutACommit()
    {
        using var fixture = new CacheFixture();
        await using (var pending = fixture.Cache.BeginWrite())
        {
            Assert.Equal(fixture.Cache.BlobDirectory, Path.GetDirectoryName(pending.TempPath));
            Assert.StartsWith(".download-", Path.GetFileName(pending.TempPath));
            Assert.EndsWith(".tmp", pending.TempPath);
            await pending.WriteAsync(Bytes("partial"), CancellationToken.None);
        }
        Assert.Empty(fixture.TempFiles());
    }

    [Fact]
    public async Task ResetStartsTheHashOver()
    {
        using var fixture = new CacheFixture();
        var bytes = Bytes("the whole file");
        await using var pending = fixture.Cache.BeginWrite();
        await pending.WriteAsync(Bytes("the wh"), CancellationToken.None);
        await pending.ResetAsync();
        Assert.Equal(0, pending.Length);
        await pending.WriteAsync(bytes, CancellationToken.None);
        await pending.CommitAsync(DigestOf(bytes), null, "test", CancellationToken.None);
        Assert.Equal(bytes, File.ReadAllBytes(fixture.Cache.BlobPath(DigestOf(bytes))));
    }

    [Fact]
    public async Task CommittingADigestTwiceKeepsOneIntactBlob()
    {
        using var fixture = new CacheFixture();
        var bytes = Bytes("same bytes from two downloads");
        await fixture.AddAsync(bytes, "a.deb");
        var digest = await fixture.AddAsync(bytes, "a.deb");
        Assert.Equal(bytes, File.ReadAllBytes(fixture.Cache.BlobPath(digest)));
        Assert.Single(fixture.Cache.List());
    }

    [Fact]
    public async Task ListSkipsTempAndForeignFilesAndIsSortedByDigest()
    {
        using var fixture = new CacheFixture();
        var digests = new List<Sha256Digest>();
        foreach (var text in new[] { "one", "two", "three" })
        {
            digests.Add(await fixture.AddAsync(Bytes(text), text + ".txt"));
        }
        File.WriteAllText(Path.Combine(fixture.Cache.BlobDirectory, ".download-abc.tmp"), "partial");
        File.WriteAllText(Path.Combine(fixture.Cache.BlobDirectory, "README"), "foreign");
        File.WriteAllText(Path.Combine(fixture.Cache.BlobDirectory, digests[0].Hex.ToUpperInvariant()), "not canonical");

        var listed = fixture.Cache.List().ToList();
        Assert.Equal(digests.Select(d => d.Hex).Order(StringComparer.Ordinal), listed.Select(b => b.Sha256.Hex));
        Assert.Equal(3, listed.Single(b => b.Sha256 == digests[0]).Size);
        Assert.Equal("two.txt", listed.Single(b => b.Sha256 == digests[1]).Basename);
    }

    [Fact]
    public void OriginRecordsAreTheGoToolsReverseUrlFiles()
    {
        using var fixture = new CacheFixture();
        var digest = DigestOf(Bytes("x"));
        const string url = "http://deb.debian.org/debian/pool/main/h/hello/hello_2.10-2_amd64.deb";
        fixture.Cache.RecordOrigin(url, digest);
        var file = Path.Combine(fixture.Cache.Root, "digests", "by-url-sha256", DigestOf(Bytes(url)).Hex);
        Assert.Equal("sha256:" + digest.Hex, File.ReadAllText(file));
        Assert.Equal(digest, fixture.Cache.FindByOrigin(url));
        Assert.Null(fixture.Cache.FindByOrigin(url + "x"));
    }

    [Fact]
    public void AGarbledOriginRecordIsIgnored()
    {
        using var fixture = new CacheFixture();
        const string url = "http://h/x";
        File.WriteAllText(Path.Combine(fixture.Cache.Root, "digests", "by-url-sha256", DigestOf(Bytes(url)).Hex), "md5:abc");
        Assert.Null(fixture.Cache.FindByOrigin(url));
    }
}
