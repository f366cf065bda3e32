using ReproGet.Distros.Debian.Dpkg;
using ReproGet.Distros.Debian.Tests.Versions;
using ReproGet.Distros.Debian.Versions;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Integration;

/// <summary>The version ordering checked against the real <c>dpkg --compare-versions</c>.</summary>
[Trait("Category", "Integration")]
public sealed class DpkgCompareVersionsTests
{
    [Theory]
    [MemberData(nameof(DebianVersionTests.Vectors), MemberType = typeof(DebianVersionTests))]
    public void TheUnitVectorsAreWhatDpkgSays(string left, string right, int expected)
    {
        var relation = expected switch { < 0 => "lt", 0 => "eq", _ => "gt" };

        Assert.Equal(0, RealTool.Try("dpkg", ["--compare-versions", left, relation, right]).ExitCode);
    }

    [Fact]
    public void SortsThisMachinesInstalledVersionsAsDpkgDoes()
    {
        using var stream = File.OpenRead(DpkgStatus.StatusPath);
        var versions = DpkgStatus.Parse(stream, DpkgStatus.StatusPath).Packages.Select(p => p.Version).Distinct()
            .Select(DebianVersion.Parse).Order().Select(v => v.Text).ToList();

        var wrong = versions.Zip(versions.Skip(1))
            .Where(pair => RealTool.Try("dpkg", ["--compare-versions", pair.First, "le", pair.Second]).ExitCode != 0)
            .Select(pair => $"{pair.First} <= {pair.Second}")
            .ToList();

        Assert.True(versions.Count > 100, $"only {versions.Count} versions installed");
        Assert.Empty(wrong);
    }
}
