using ReproGet.Distros.Debian.Versions;

namespace ReproGet.Distros.Debian.Tests.Versions;

public sealed class DebianVersionTests
{
    /// <summary>Pairs and the sign of their comparison, each checked against <c>dpkg --compare-versions</c> (see the integration test).</summary>
    public static TheoryData<string, string, int> Vectors => new()
    {
        { "1.0", "1.0", 0 },
        { "1.0", "1.0-0", 0 },
        { "0:1.0", "1.0", 0 },
        { "1.001", "1.1", 0 },
        { "1.0~rc1", "1.0", -1 },
        { "1.0~~", "1.0~", -1 },
        { "1.0~", "1.0", -1 },
        { "1.0~rc1", "1.0~rc2", -1 },
        { "1.0", "1.0+b1", -1 },
        { "1.0a", "1.0", 1 },
        { "1.0a", "1.0+", -1 },
        { "1.0.", "1.0a", 1 },
        { "2.10", "2.9", 1 },
        { "1:0.1", "2.0", 1 },
        { "2:1.0", "1:9.9", 1 },
        { "1.0-1", "1.0-2", -1 },
        { "1.2.3", "1.2.3-1", -1 },
        { "1.0-1~bpo12+1", "1.0-1", -1 },
        { "5.2.15-2+b8", "5.2.15-2+b13", -1 },
        { "1.21.22", "1.21.23", -1 },
        { "2025b-0+deb12u1", "2026b-0+deb12u1", -1 },
        { "1:1.35.0-4+deb12u1+b1", "1:1.35.0-4+deb12u1", 1 },
        { "3.0.17-1~deb12u2", "3.0.20-1~deb12u2", -1 },
        { "2.36-9+deb12u14", "2.36-9+deb12u9", 1 },
        { "1:9.2p1-2+deb12u7", "1:9.2p1-2", 1 },
        { "20230311+deb12u1", "20230311", 1 },
        { "7.1.0-2", "7.1.0-3", -1 },
        { "1.0-a-b", "1.0-a", 1 },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void OrdersAsDpkgDoes(string left, string right, int expected)
    {
        Assert.Equal(expected, Math.Sign(DebianVersion.Compare(left, right)));
        Assert.Equal(-expected, Math.Sign(DebianVersion.Compare(right, left)));
    }

    [Fact]
    public void SplitsEpochUpstreamAndTheLastDashRevision()
    {
        var version = DebianVersion.Parse("2:2.6.2+samba4.17.12+dfsg-0+deb12u2");

        Assert.Equal(2, version.Epoch);
        Assert.Equal("2.6.2+samba4.17.12+dfsg", version.Upstream);
        Assert.Equal("0+deb12u2", version.Revision);
        Assert.Equal("2.6.2+samba4.17.12+dfsg-0+deb12u2", version.WithoutEpoch);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a:1.0")]
    [InlineData(":1.0")]
    [InlineData("1:")]
    [InlineData("1.0-")]
    [InlineData("1.0 2")]
    public void RejectsWhatIsNoVersion(string text)
    {
        Assert.False(DebianVersion.TryParse(text, out _));
    }

    [Fact]
    public void VersionsThatCompareEqualAreEqual()
    {
        Assert.Equal(DebianVersion.Parse("1.0"), DebianVersion.Parse("0:1.00-0"));
        Assert.Equal(DebianVersion.Parse("1.0").GetHashCode(), DebianVersion.Parse("0:1.00-0").GetHashCode());
        Assert.NotEqual(DebianVersion.Parse("1.0"), DebianVersion.Parse("1:1.0"));
    }

    [Fact]
    public void SortsAListIntoDpkgOrder()
    {
        string[] versions = ["1.0", "1:0.5", "1.0~rc1", "1.0+b1", "0.9", "1.0-1"];

        var sorted = versions.Select(DebianVersion.Parse).Order().Select(v => v.Text);

        Assert.Equal(["0.9", "1.0~rc1", "1.0", "1.0-1", "1.0+b1", "1:0.5"], sorted);
    }
}
