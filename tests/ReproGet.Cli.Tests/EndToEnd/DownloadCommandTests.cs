using System.Text.RegularExpressions;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Cli.Tests.EndToEnd;

[Trait("Category", "Integration")]
public sealed class DownloadCommandTests
{
    [Fact]
    public async Task SummaryCountsCachedAndDownloadedFilesAndNamesTheHost()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Serve("/pool/" + DebFixture.Hello.Basename, DebFixture.Hello.Bytes);
        server.Serve("/pool/" + DebFixture.Neofetch.Basename, DebFixture.Neofetch.Bytes);
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var lockfile = temp.WriteFile("SHA256SUMS", DebFixture.Hello.LockLine + DebFixture.Neofetch.LockLine);
        var provider = server.BaseUrl + "/pool/{{.Basename}}";

        var first = await CliRun.InCacheAsync(cache, "--provider", provider, "download", lockfile);
        var second = await CliRun.InCacheAsync(cache, "--provider", provider, "download", lockfile);

        Assert.True(first.ExitCode == 0, first.ToString());
        var host = new Uri(server.BaseUrl).Authority;
        Assert.Matches(new Regex($@"2 files: 0 cached, 2 downloaded \(.+\); from {Regex.Escape(host)} \(2\)"), first.StandardError);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("2 files: 2 cached, 0 downloaded", second.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount("/pool/" + DebFixture.Hello.Basename));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData(",,")]
    [InlineData("http://127.0.0.1:9/{{.Name}},")]
    public async Task AProviderListWithAnEmptyItemIsAnErrorNotTheDefaults(string provider)
    {
        using var temp = new TempDirectory();
        var lockfile = temp.WriteFile("SHA256SUMS", DebFixture.Hello.LockLine);

        var run = await CliRun.InCacheAsync(temp.Combine("cache"), "--provider", provider, "download", lockfile);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("has an empty item", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileNoProviderHasFailsWithExitOneAndNamesIt()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Serve("/pool/" + DebFixture.Hello.Basename, DebFixture.Hello.Bytes);
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var lockfile = temp.WriteFile("SHA256SUMS", DebFixture.Hello.LockLine + DebFixture.Neofetch.LockLine);

        var run = await CliRun.InCacheAsync(cache, "--provider", server.BaseUrl + "/pool/{{.Basename}}", "download", lockfile);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1 failed", run.StandardError, StringComparison.Ordinal);
        Assert.Contains(DebFixture.Neofetch.Basename, run.StandardError, StringComparison.Ordinal);
        Assert.Contains("404", run.StandardError, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cache, "blobs", "sha256", DebFixture.Hello.Sha256)));
        Assert.False(File.Exists(Path.Combine(cache, "blobs", "sha256", DebFixture.Neofetch.Sha256)));
    }

    [Theory]
    [InlineData("http")]
    [InlineData("file")]
    public async Task ANameWithAPercentSignIsFetchedUnderThatExactName(string scheme)
    {
        // apt-get download writes the epoch's ':' as %3a; that '%' is part of the file name, not URL syntax.
        const string name = "hello_1%3a2.10-2_amd64.deb";
        var sha256 = DebFixture.Hello.Sha256;
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Serve("/pool/" + name, DebFixture.Hello.Bytes);
        using var temp = new TempDirectory();
        temp.WriteFile("mirror/" + name, DebFixture.Hello.Bytes);
        var lockfile = temp.WriteFile("SHA256SUMS", $"{sha256}  {name}\n");
        var provider = scheme == "http" ? server.BaseUrl + "/pool/{{.Name}}" : $"file://{temp.Path}/mirror/{{{{.Name}}}}";

        var run = await CliRun.InCacheAsync(temp.Combine("cache"), "--provider", provider, "download", lockfile);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(DebFixture.Hello.Bytes, File.ReadAllBytes(temp.Combine("cache", "blobs", "sha256", sha256)));
    }
}
