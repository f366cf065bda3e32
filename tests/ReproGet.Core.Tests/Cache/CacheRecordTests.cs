using ReproGet.Core.Cache;

namespace ReproGet.Core.Tests.Cache;

/// <summary>The cache's small keyed records: found only for the exact key they were written for.</summary>
public sealed class CacheRecordTests
{
    [Fact]
    public void ARecordIsFoundForItsKeyOnly()
    {
        using var fixture = new CacheFixture();
        fixture.Cache.WriteRecord("test-records", "dev=1:2 ino=3 size=4", "sha256:aa 4");

        Assert.Equal("sha256:aa 4", fixture.Cache.FindRecord("test-records", "dev=1:2 ino=3 size=4"));
        Assert.Null(fixture.Cache.FindRecord("test-records", "dev=1:2 ino=3 size=5"));
        Assert.Null(fixture.Cache.FindRecord("other-records", "dev=1:2 ino=3 size=4"));
    }

    [Fact]
    public void ARecordStoredUnderAnotherKeysNameIsNotFound()
    {
        using var fixture = new CacheFixture();
        fixture.Cache.WriteRecord("test-records", "key one", "value one");
        fixture.Cache.WriteRecord("test-records", "key two", "value two");
        var directory = Path.Combine(fixture.Cache.Root, "digests", "test-records");
        var files = Directory.GetFiles(directory).Order(StringComparer.Ordinal).ToArray();
        var swapped = files.Select(File.ReadAllText).Reverse().ToArray();
        File.WriteAllText(files[0], swapped[0]);
        File.WriteAllText(files[1], swapped[1]);

        Assert.Null(fixture.Cache.FindRecord("test-records", "key one"));
        Assert.Null(fixture.Cache.FindRecord("test-records", "key two"));
    }

    [Theory]
    [InlineData("../blobs")]
    [InlineData("by-url-sha256")]
    [InlineData("")]
    public void AKindIsASimpleNameOfItsOwn(string kind)
    {
        using var fixture = new CacheFixture();
        Assert.Throws<ArgumentException>(() => fixture.Cache.WriteRecord(kind, "key", "value"));
    }

    [Fact]
    public void StaleTempFilesOfRecordsAreRemoved()
    {
        using var fixture = new CacheFixture();
        fixture.Cache.WriteRecord("test-records", "key", "value");
        var temp = Path.Combine(fixture.Cache.Root, "digests", "test-records", "x.tmp");
        File.WriteAllText(temp, "half");
        File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddDays(-2));

        Assert.Equal([temp], fixture.Cache.RemoveStaleTempFiles(TimeSpan.FromDays(1)));
        Assert.Equal("value", fixture.Cache.FindRecord("test-records", "key"));
    }
}
