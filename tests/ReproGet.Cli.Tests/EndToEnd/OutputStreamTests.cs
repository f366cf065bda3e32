using System.Text.Json;
using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.EndToEnd;

/// <summary>Data goes to stdout and nothing else does, so <c>repro-get … | jq</c> and <c>&gt; SHA256SUMS</c> work.</summary>
public sealed class OutputStreamTests
{
    private const string HelloLine =
        "35b1508eeee9c1dfba798c4c04304ef0f266990f936a51f165571edf53325cbc  pool/main/h/hello/hello_2.10-2_amd64.deb\n";

    [Fact]
    public async Task HashInspectPrintsOnlyJsonOnStdout()
    {
        using var temp = new TempDirectory();
        var lockfile = temp.WriteFile("SHA256SUMS", HelloLine);

        // --debug makes the status log talk; none of it may reach stdout.
        var run = await CliRun.InCacheAsync(temp.Combine("cache"), "--debug", "hash", "inspect", lockfile);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StandardOutput);
        var entry = json.RootElement.GetProperty("pool/main/h/hello/hello_2.10-2_amd64.deb");
        Assert.Equal("hello_2.10-2_amd64.deb", entry.GetProperty("Basename").GetString());
        Assert.Equal("2.10-2", entry.GetProperty("Dpkg").GetProperty("Version").GetString());
        Assert.DoesNotContain("repro-get:", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorsGoToStderrOnlyAndExitOne()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InCacheAsync(temp.Combine("cache"), "hash", "inspect", temp.Combine("missing-SHA256SUMS"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.StandardOutput);
        Assert.Contains("missing-SHA256SUMS", run.StandardError, StringComparison.Ordinal);
        Assert.StartsWith("repro-get: error: ", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadStatusGoesToStderrAndStdoutStaysEmpty()
    {
        using var temp = new TempDirectory();
        var deb = DebFixture.Hello;
        temp.WriteFile("mirror/" + deb.Basename, deb.Bytes);
        var lockfile = temp.WriteFile("SHA256SUMS", deb.LockLine);

        var run = await CliRun.InCacheAsync(temp.Combine("cache"), "--provider", $"file://{temp.Path}/mirror/{{{{.Basename}}}}",
            "download", lockfile);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.StandardOutput);
        Assert.Contains(deb.Basename, run.StandardError, StringComparison.Ordinal);
    }
}
