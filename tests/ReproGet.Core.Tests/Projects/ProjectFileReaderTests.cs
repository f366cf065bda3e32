using ReproGet.Core.Errors;
using ReproGet.Core.Projects;

namespace ReproGet.Core.Tests.Projects;

public sealed class ProjectFileReaderTests
{
    private const string Minimal = """
        distro = "debian"
        sources = ["deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main"]
        architectures = ["amd64", "arm64"]
        packages = ["hello", "jq"]

        """;

    private static readonly string[] Distros = ["debian", "ubuntu", "fedora", "arch", "alpine"];

    private static ProjectFile Parse(string text, Func<string, string?>? environment = null) =>
        ProjectFileReader.Parse(text, "repro-get.toml", "/work/p/repro-get.toml", Distros, environment ?? (_ => null));

    private static ProjectFileException Fails(string text) => Assert.Throws<ProjectFileException>(() => Parse(text));

    [Fact]
    public void TheMinimalFileOfTheIssueReadsWithItsDefaults()
    {
        var project = Parse(Minimal);

        Assert.Equal("debian", project.Distro);
        Assert.Equal(["amd64", "arm64"], project.Architectures);
        Assert.Equal(["hello", "jq"], project.Packages);
        Assert.False(project.Recommends);
        Assert.Equal(ProjectBaseKind.None, project.Base.Kind);
        Assert.Null(project.Snapshot);
        Assert.Equal("/work/p", project.Directory);
        Assert.Empty(project.Rebuilders);
    }

    [Fact]
    public void RebuildersThresholdAndAllowAreReadForTheQuorum()
    {
        var project = Parse(Minimal + """
            threshold = 2
            allow = ["tzdata"]
            keyring = "keys/debian.gpg"

            [[rebuilder]]
            name = "one"
            url = "https://one.example/"
            key = "keys/one.pem"

            [[rebuilder]]
            name = "two"
            url = "https://two.example/"
            key = "/etc/two.pem"
            """);

        Assert.Equal(2, project.Threshold);
        Assert.Equal(["tzdata"], project.Allow);
        Assert.Equal("/work/p/keys/debian.gpg", project.Keyring);
        Assert.Equal([new RebuilderEntry("one", new Uri("https://one.example/"), "/work/p/keys/one.pem"),
            new RebuilderEntry("two", new Uri("https://two.example/"), "/etc/two.pem")], project.Rebuilders);
    }

    [Theory]
    [InlineData("snapshot = 2024-01-02T03:04:05Z", 1704164645)]
    [InlineData("snapshot = 1704164645", 1704164645)]
    [InlineData("snapshot = \"2024-01-02T03:04:05Z\"", 1704164645)]
    [InlineData("snapshot = \"SOURCE_DATE_EPOCH\"", 1700000000)]
    public void SnapshotTakesATimeAnEpochOrSourceDateEpoch(string line, long expected)
    {
        var project = Parse(Minimal + line + "\n", name => name == "SOURCE_DATE_EPOCH" ? "1700000000" : null);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(expected), project.Snapshot);
    }

    [Fact]
    public void AnUnknownKeyIsNamedAtItsLineAndColumn()
    {
        var error = Fails(Minimal + "recomends = true\n");

        Assert.StartsWith("repro-get.toml:5:1: unknown key \"recomends\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("recommends", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongTypeIsNamedWithTheFix()
    {
        var error = Fails(Minimal.Replace("architectures = [\"amd64\", \"arm64\"]", "architectures = \"amd64\"", StringComparison.Ordinal));

        Assert.StartsWith("repro-get.toml:3:1: \"architectures\" must be an array of strings, not a string", error.Message, StringComparison.Ordinal);
        Assert.Contains("architectures = [\"amd64\"]", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingArchitecturesListSaysWhatToAdd()
    {
        var error = Fails(string.Join('\n', Minimal.Split('\n').Where(l => !l.StartsWith("architectures", StringComparison.Ordinal))));

        Assert.StartsWith("repro-get.toml:1:1: missing key \"architectures\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownDistroIsNamedWithTheKnownOnes()
    {
        var error = Fails(Minimal.Replace("\"debian\"", "\"gentoo\"", StringComparison.Ordinal));

        Assert.StartsWith("repro-get.toml:1:1: unknown distro \"gentoo\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("debian", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void ASyntaxErrorCarriesTomlynsPosition()
    {
        var error = Fails("distro = \"debian\"\narchitectures = [\"amd64\",\n");

        Assert.Matches(@"^repro-get\.toml:\d+:\d+: ", error.Message);
        Assert.DoesNotContain(" : error : ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownKeyInARebuilderTableIsNamedThere()
    {
        var error = Fails(Minimal + "[[rebuilder]]\nname = \"a\"\nurl = \"https://a.example/\"\nkey = \"a.pem\"\nthreshhold = 1\n");

        Assert.StartsWith("repro-get.toml:9:1: unknown key \"threshhold\" in [[rebuilder]]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrustedYesIsRefused()
    {
        var error = Fails(Minimal.Replace("[signed-by=/usr/share/keyrings/debian-archive-keyring.gpg]", "[trusted=yes]", StringComparison.Ordinal));

        Assert.StartsWith("repro-get.toml:2:1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("trusted=yes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileSaysHowToMakeOne()
    {
        var error = Assert.Throws<ReproGetException>(() => ProjectFileReader.Read("/nonexistent/repro-get.toml", Distros));

        Assert.Contains("--config", error.Hint, StringComparison.Ordinal);
    }
}
