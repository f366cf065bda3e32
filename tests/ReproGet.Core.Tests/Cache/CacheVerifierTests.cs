using ReproGet.Core.Cache;
using static ReproGet.Core.Tests.Cache.CacheFixture;

namespace ReproGet.Core.Tests.Cache;

/// <summary><c>cache verify</c>: re-hash every blob, remove the corrupt ones and stale temp files.</summary>
public sealed class CacheVerifierTests
{
    [Fact]
    public async Task ACorruptedBlobIsRemovedAndReportedAndGoodOnesStay()
    {
        using var fixture = new CacheFixture();
        var good = await fixture.AddAsync(Bytes("good"), "good.deb");
        var bad = await fixture.AddAsync(Bytes("bad"), "bad.deb");
        File.WriteAllBytes(fixture.Cache.BlobPath(bad), Bytes("bit rot"));

        var result = await new CacheVerifier(fixture.Cache).VerifyAsync(CancellationToken.None);

        Assert.Equal(2, result.Checked);
        var corrupt = Assert.Single(result.Removed);
        Assert.Equal(bad, corrupt.Blob.Sha256);
        Assert.Equal("bad.deb", corrupt.Blob.Basename);
        Assert.Equal(DigestOf(Bytes("bit rot")), corrupt.Actual);
        Assert.False(fixture.Cache.Contains(bad));
        Assert.Null(fixture.Cache.ReadBasename(bad));
        Assert.True(fixture.Cache.Contains(good));
    }

    [Fact]
    public async Task OnlyTempFilesOlderThanAnHourAreRemoved()
    {
        using var fixture = new CacheFixture();
        var stale = Path.Combine(fixture.Cache.BlobDirectory, ".download-old.tmp");
        var fresh = Path.Combine(fixture.Cache.BlobDirectory, ".download-new.tmp");
        File.WriteAllText(stale, "left by a killed process");
        File.WriteAllText(fresh, "another process is writing this");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));

        var result = await new CacheVerifier(fixture.Cache).VerifyAsync(CancellationToken.None);

        Assert.Equal([stale], result.StaleTempFiles);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
    }

    [Fact]
    public async Task StaleTempFilesOfTheBasenameAndOriginRecordsAreRemovedToo()
    {
        using var fixture = new CacheFixture();
        // ContentCache writes its records as "<path>.<guid>.tmp" beside them, and a killed process leaves those too.
        var metadata = Path.Combine(fixture.Cache.Root, "metadata", "sha256", new string('a', 64) + ".0123.tmp");
        var origin = Path.Combine(fixture.Cache.Root, "digests", "by-url-sha256", new string('b', 64) + ".4567.tmp");
        var freshOrigin = Path.Combine(fixture.Cache.Root, "digests", "by-url-sha256", new string('c', 64) + ".89ab.tmp");
        foreach (var path in new[] { metadata, origin, freshOrigin })
        {
            File.WriteAllText(path, "left by a killed process");
        }
        File.SetLastWriteTimeUtc(metadata, DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(origin, DateTime.UtcNow.AddHours(-2));

        var result = await new CacheVerifier(fixture.Cache).VerifyAsync(CancellationToken.None);

        Assert.Equal(new[] { metadata, origin }.Order(StringComparer.Ordinal), result.StaleTempFiles.Order(StringComparer.Ordinal));
        Assert.False(File.Exists(metadata));
        Assert.False(File.Exists(origin));
        Assert.True(File.Exists(freshOrigin));
    }
}
