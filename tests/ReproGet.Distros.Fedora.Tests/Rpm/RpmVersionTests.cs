using ReproGet.Distros.Fedora.Rpm;

namespace ReproGet.Distros.Fedora.Tests.Rpm;

public sealed class RpmVersionTests
{
    // Cases from rpm's own rpmvercmp test list.
    [Theory]
    [InlineData("1.0", "1.0", 0)]
    [InlineData("1.0", "2.0", -1)]
    [InlineData("2.0.1", "2.0", 1)]
    [InlineData("5.5p1", "5.5p2", -1)]
    [InlineData("5.5p10", "5.5p1", 1)]
    [InlineData("10xyz", "10.1xyz", -1)]
    [InlineData("xyz10", "xyz10.1", -1)]
    [InlineData("1.0", "1.0a", -1)]
    [InlineData("10", "9", 1)]
    [InlineData("010", "10", 0)]
    [InlineData("a", "1", -1)]
    [InlineData("1.0~rc1", "1.0", -1)]
    [InlineData("1.0~rc1", "1.0~rc2", -1)]
    [InlineData("1.0^", "1.0", 1)]
    [InlineData("1.0^git1", "1.0.1", -1)]
    [InlineData("1.0^git1", "1.0^git2", -1)]
    [InlineData("2.0.1a", "2.0.1", 1)]
    [InlineData("6.0.rc1", "6.0", 1)]
    public void OrdersSegmentsAsRpmvercmp(string a, string b, int expected)
    {
        Assert.Equal(expected, RpmVersion.CompareSegments(a, b));
        Assert.Equal(-expected, RpmVersion.CompareSegments(b, a));
    }

    [Fact]
    public void EpochComesBeforeVersionAndVersionBeforeRelease()
    {
        Assert.True(RpmVersion.Compare(1, "1.0", "1", 0, "9.0", "9") > 0);
        Assert.True(RpmVersion.Compare(0, "1.0", "10.fc40", 0, "1.0", "9.fc40") > 0);
    }
}
