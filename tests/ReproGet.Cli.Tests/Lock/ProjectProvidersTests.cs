using ReproGet.Cli.Tests.EndToEnd;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Cli.Tests.Lock;

/// <summary>The project file's <c>providers</c>: what download fetches from when the command line names none.</summary>
public sealed class ProjectProvidersTests
{
    [Fact]
    public async Task DownloadWithAProjectFileFetchesFromItsProvidersUnlessTheCommandLineNamesOthers()
    {
        using var temp = new TempDirectory();
        await using var server = await LoopbackHttpServer.StartAsync();
        server.ServeBySha256(DebFixture.Hello.Bytes);
        const string Dead = "http://127.0.0.1:1/dead/{{.Name}}";
        var byHash = server.Url("/sha256/{{.SHA256}}");
        var config = temp.WriteFile("repro-get.toml", $"""
            distro = "debian"
            sources = ["deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main"]
            architectures = ["amd64"]
            packages = ["hello"]
            providers = ["{Dead}", "{byHash}"]
            """);
        var lockPath = temp.WriteFile("SHA256SUMS-amd64", $"{DebFixture.Hello.Sha256}  pool/main/h/hello/{DebFixture.Hello.Basename}\n");

        var download = await CliRun.InCacheAsync(temp.Combine("cache"), "download", "--config", config, lockPath);
        var overridden = await CliRun.InCacheAsync(temp.Combine("cache2"), "download", "--config", config,
            "--provider", Dead, lockPath);

        Assert.True(download.ExitCode == 0, download.ToString());
        Assert.Equal(DebFixture.Hello.Bytes, File.ReadAllBytes(temp.Combine("cache", "blobs", "sha256", DebFixture.Hello.Sha256)));
        Assert.Single(server.Requests, r => r.Path.StartsWith("/sha256/", StringComparison.Ordinal));
        Assert.Equal(1, overridden.ExitCode);
        Assert.Single(server.Requests, r => r.Path.StartsWith("/sha256/", StringComparison.Ordinal));
    }
}
