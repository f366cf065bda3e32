using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.Lock;

[Trait("Category", "Integration")]
[Collection(ResolveStateCollection.Name)]
public sealed class LockCommandTests(ResolveStateFixture state)
{
    private const string Keyring = "/usr/share/keyrings/debian-archive-keyring.gpg";

    private static string Source(string suite) => $"deb [signed-by={Keyring}] http://deb.debian.org/debian {suite} main";

    private static string Project(string suite, string architecture, params string[] packages) => $"""
        distro = "debian"
        sources = ["{Source(suite)}"]
        architectures = ["{architecture}"]
        packages = [{string.Join(", ", packages.Select(p => $"\"{p}\""))}]

        """;

    private Task<ReproGetProcess> LockAsync(string config, params string[] more) =>
        ReproGetProcess.RunAsync(["--cache", state.Cache, "lock", "--config", config, .. more]);

    private static IReadOnlyList<(string Sha256, string Name)> Entries(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => (l[..64], l[66..]))];

    // The issue's comparison: provenance lines (dists/…) are extra entries, left out of it.
    private static IReadOnlyList<(string Sha256, string Name)> Debs(string path) =>
        [.. Entries(path).Where(e => e.Name.EndsWith(".deb", StringComparison.Ordinal))];

    [Theory]
    [InlineData("bookworm", "amd64")]
    [InlineData("bookworm", "arm64")]
    [InlineData("trixie", "riscv64")]
    public async Task TheLockIsExactlyWhatAnIndependentAptInstallsIntoAnEmptySystem(string suite, string architecture)
    {
        using var temp = new TempDirectory();
        var config = temp.WriteFile("repro-get.toml", Project(suite, architecture, "hello", "jq"));

        var run = await LockAsync(config);
        var oracle = await AptOracle.Sha256sAsync(Path.Combine(state.Oracles, $"{suite}-{architecture}"), Source(suite), architecture, "hello", "jq");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lockPath = temp.Combine($"SHA256SUMS-{architecture}");
        var entries = Debs(lockPath);
        Assert.Equal(oracle.Order(StringComparer.Ordinal), entries.Select(e => e.Sha256).Order(StringComparer.Ordinal));
        // The signature chain, as hash generate writes it: every other line is the suite's InRelease or an index listing the files.
        Assert.Equal([$"dists/{suite}/InRelease", $"dists/{suite}/main/binary-{architecture}/Packages"],
            Entries(lockPath).Select(e => e.Name).Where(n => !n.EndsWith(".deb", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains(entries, e => e.Name.StartsWith("pool/main/h/hello/hello_", StringComparison.Ordinal));
        Assert.StartsWith($"# repro-get lock: debian {architecture} from repro-get.toml, resolved by apt ", File.ReadAllText(lockPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bookworm", "arm64")]
    [InlineData("trixie", "riscv64")]
    public async Task AForeignLockDownloadsVerifiedFilesOfThatArchitecture(string suite, string architecture)
    {
        using var temp = new TempDirectory();
        var config = temp.WriteFile("repro-get.toml", Project(suite, architecture, "hello", "jq"));
        var locked = await LockAsync(config);
        Assert.True(locked.ExitCode == 0, locked.ToString());
        var lockPath = temp.Combine($"SHA256SUMS-{architecture}");

        // The lock's cache: it holds the chain lock put there (mirrors do not serve the plain Packages index).
        var download = await ReproGetProcess.RunAsync(["--cache", state.Cache, "--distro", "debian",
            "--provider", "http://deb.debian.org/debian/{{.Name}}", "download", lockPath]);

        Assert.True(download.ExitCode == 0, download.ToString());
        foreach (var (sha256, name) in Debs(lockPath))
        {
            var blob = Path.Combine(state.Cache, "blobs", "sha256", sha256);
            var fileArchitecture = RealTool.Run("dpkg-deb", "--field", blob, "Architecture").Trim();
            Assert.True(fileArchitecture == architecture || fileArchitecture == "all", $"{name}: Architecture {fileArchitecture}");
        }
        Assert.Contains(Debs(lockPath), e => RealTool.Run("dpkg-deb", "--field", Path.Combine(state.Cache, "blobs", "sha256", e.Sha256), "Architecture").Trim() == architecture);
    }

    [Fact]
    public async Task CheckIsZeroRightAfterLockAndNamesAPackageTheProjectGained()
    {
        using var temp = new TempDirectory();
        var config = temp.WriteFile("repro-get.toml", Project("bookworm", "amd64", "hello", "jq"));
        var locked = await LockAsync(config);
        Assert.True(locked.ExitCode == 0, locked.ToString());
        var lockPath = temp.Combine("SHA256SUMS-amd64");
        var before = File.ReadAllText(lockPath);

        var current = await LockAsync(config, "--check");
        File.WriteAllText(config, Project("bookworm", "amd64", "hello", "jq", "tree"));
        var stale = await LockAsync(config, "--check");

        Assert.True(current.ExitCode == 0, current.ToString());
        Assert.Equal("", current.StandardOutput);
        Assert.Equal(1, stale.ExitCode);
        Assert.Matches(@"^SHA256SUMS-amd64: added tree:amd64 \S+\n$", stale.StandardOutput);
        Assert.Equal(before, File.ReadAllText(lockPath));
    }

    [Theory]
    [InlineData("recomends = true\n", "repro-get.toml:5:1: unknown key \"recomends\"")]
    [InlineData("recommends = \"no\"\n", "repro-get.toml:5:1: \"recommends\" must be true or false, not a string")]
    [InlineData("architectures", "repro-get.toml:1:1: missing key \"architectures\"")]
    [InlineData("gentoo", "repro-get.toml:1:1: unknown distro \"gentoo\"")]
    public async Task ABadProjectFileNamesLineAndColumnAndWritesNothing(string change, string expected)
    {
        using var temp = new TempDirectory();
        var text = Project("bookworm", "amd64", "hello");
        text = change switch
        {
            "architectures" => string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("architectures", StringComparison.Ordinal))),
            "gentoo" => text.Replace("\"debian\"", "\"gentoo\"", StringComparison.Ordinal),
            _ => text + change,
        };
        var config = temp.WriteFile("repro-get.toml", text);

        var run = await ReproGetProcess.RunAsync(["--cache", temp.Combine("cache"), "lock", "--config", config]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.StandardError, StringComparison.Ordinal);
        Assert.Equal(["repro-get.toml"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }
}
