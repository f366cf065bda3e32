using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Tests.Formats;

public sealed class ApkVersionTests
{
    [Theory]
    [InlineData("1.0-r0", "1.0-r1")]
    [InlineData("1.0-r9", "1.0-r10")]
    [InlineData("1.2", "1.10")]
    [InlineData("1.2", "1.2.1")]
    [InlineData("1.2a", "1.2.1")]
    [InlineData("1.2", "1.2a")]
    [InlineData("1.2a", "1.2b")]
    [InlineData("1.0_alpha1", "1.0_alpha2")]
    [InlineData("1.0_alpha", "1.0_beta")]
    [InlineData("1.0_beta3", "1.0_pre1")]
    [InlineData("1.0_pre1", "1.0_rc1")]
    [InlineData("1.0_rc9", "1.0")]
    [InlineData("1.0", "1.0_p1")]
    [InlineData("1.0_git20220101", "1.0_p1")]
    [InlineData("1.0_cvs", "1.0_svn")]
    [InlineData("6.3_p20220423-r1", "6.3_p20220521-r0")]
    [InlineData("20220614-r0", "20230506-r0")]
    [InlineData("1.0", "not a version")]
    public void Orders_as_apk_does(string lower, string higher)
    {
        Assert.True(ApkVersion.Compare(lower, higher) < 0, $"{lower} < {higher}");
        Assert.True(ApkVersion.Compare(higher, lower) > 0, $"{higher} > {lower}");
    }

    [Theory]
    [InlineData("1.0", "1.0-r0")]
    [InlineData("5.1.16-r2", "5.1.16-r2")]
    public void Equal_versions(string a, string b) => Assert.Equal(0, ApkVersion.Compare(a, b));

    [Theory]
    [InlineData("5.1.16-r2", true)]
    [InlineData("6.3_p20220521-r0", true)]
    [InlineData("1.2.3_rc1_p2~abcdef-r4", true)]
    [InlineData("1.2-beta", false)]
    [InlineData("", false)]
    public void Validity(string version, bool valid) => Assert.Equal(valid, ApkVersion.IsValid(version));
}
