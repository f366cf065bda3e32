using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Tests.Lockfiles;

public sealed class LockfileEpochTests
{
    [Theory]
    [InlineData("1639958400", "2021-12-20T00:00:00+00:00")]
    [InlineData("0", "1970-01-01T00:00:00+00:00")]
    [InlineData("-86400", "1969-12-31T00:00:00+00:00")]
    [InlineData("253402300799", "9999-12-31T23:59:59+00:00")]
    public void SourceDateEpochIsSecondsSince1970Utc(string value, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LockfileEpoch.Parse(value));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("1639958400.5")]
    [InlineData(" 1639958400")]
    [InlineData("0x10")]
    [InlineData("99999999999999999999")]
    [InlineData("253402300800")]
    public void AnInvalidSourceDateEpochIsAnErrorWithAHint(string value)
    {
        var error = Assert.Throws<ReproGetException>(() => LockfileEpoch.Parse(value));
        Assert.Contains($"invalid SOURCE_DATE_EPOCH \"{value}\"", error.Message);
        Assert.Contains("unset SOURCE_DATE_EPOCH", error.Hint);
    }

    [Fact]
    public void AnEmptySourceDateEpochMeansUnset()
    {
        using var dir = new TestKit.TempDirectory();
        var path = dir.WriteFile("L", "");
        var mtime = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, mtime);
        Assert.Equal(new DateTimeOffset(mtime), LockfileEpoch.Resolve(path, ""));
    }
}
