using ReproGet.Cli.Tests.EndToEnd;
using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.Lock;

public sealed class AlpineLockTests
{
    [Fact]
    public async Task AnAlpineProjectFailsClearlyWithAHintAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var config = temp.WriteFile("repro-get.toml", """
            distro = "alpine"
            sources = ["https://dl-cdn.alpinelinux.org/alpine/v3.20/main"]
            architectures = ["x86_64"]
            packages = ["jq"]
            """);

        var run = await CliRun.RunAsync("--cache", temp.Combine("cache"), "lock", "--config", config);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: apk is not packaged for Debian; resolving Alpine is not supported here\n", run.StandardError);
        Assert.Contains("hint: lock inside an Alpine container instead: `apk add PACKAGE… && repro-get hash generate > SHA256SUMS-x86_64`", run.StandardError);
        Assert.Equal("", run.StandardOutput);
        Assert.Equal(["repro-get.toml"], Directory.EnumerateFileSystemEntries(temp.Path).Where(e => !e.EndsWith("cache", StringComparison.Ordinal)).Select(Path.GetFileName));
    }
}
