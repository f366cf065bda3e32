using System.Text.Json;
using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.EndToEnd;

public sealed class InfoTests
{
    [Fact]
    public async Task JsonHasTheGoToolsShapeAndReflectsTheFlags()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");

        var run = await CliRun.InCacheAsync(cache, "--provider", "http://127.0.0.1:9/{{.Name}}", "info", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StandardOutput);
        var root = json.RootElement;
        Assert.Matches(@"^\d+\.\d+\.\d+", root.GetProperty("Version").GetString());
        Assert.Equal(cache, root.GetProperty("Cache").GetString());
        var schemes = root.GetProperty("Schemes").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("http", schemes);
        Assert.Contains("https", schemes);
        Assert.Contains("file", schemes);
        Assert.Contains("none", root.GetProperty("Distros").EnumerateArray().Select(s => s.GetString()));
        var distro = root.GetProperty("Distro");
        Assert.Equal("none", distro.GetProperty("Name").GetString());
        Assert.Equal(JsonValueKind.False, distro.GetProperty("Experimental").ValueKind);
        Assert.Equal(JsonValueKind.Null, distro.GetProperty("DefaultProviders").ValueKind);
        Assert.Equal(["http://127.0.0.1:9/{{.Name}}"],
            root.GetProperty("Providers").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("", run.StandardError);
        Assert.False(Directory.Exists(cache), "info must not create the cache");
    }

    [Fact]
    public async Task TextNamesTheDistroAndTheCache()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");

        var run = await CliRun.InCacheAsync(cache, "info");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Cache: {cache}\n", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Distro: none\n", run.StandardOutput, StringComparison.Ordinal);
    }
}
