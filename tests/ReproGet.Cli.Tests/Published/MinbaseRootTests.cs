using System.Text.Json;
using ReproGet.Cli.Tests.EndToEnd;
using ReproGet.TestKit.Http;

namespace ReproGet.Cli.Tests.Published;

/// <summary>
/// The published binary inside a bare Debian minbase root (no libssl, no ICU), fetching from a loopback server on
/// the host (a chroot shares the host's network). There, .NET's own crypto would abort the process; SHA-256 must
/// come from libgcrypt and plain HTTP must work.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MinbaseRootTests(PublishedInMinbaseRoot minbase) : IClassFixture<PublishedInMinbaseRoot>
{
    private static readonly DebFixture[] Debs = [DebFixture.Hello, DebFixture.Neofetch];

    [Fact]
    public void TheRootReallyLacksLibsslAndIcu()
    {
        var libraries = Directory.EnumerateFiles(minbase.Root.RootPath, "*.so*", SearchOption.AllDirectories)
            .Select(Path.GetFileName).ToList();

        Assert.Contains("libgcrypt.so.20", libraries);
        Assert.DoesNotContain(libraries, name => name!.StartsWith("libssl.so", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, name => name!.StartsWith("libicuuc.so", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DownloadsAndVerifiesALockOverPlainHttp()
    {
        await using var server = await ServeDebsAsync();
        var (inside, host) = minbase.Root.CreateWorkDirectory();
        await File.WriteAllTextAsync(Path.Join(host, "SHA256SUMS"), string.Concat(Debs.Select(d => d.LockLine)));

        var run = await minbase.RunAsync("--distro", "none", "--cache", inside + "/cache",
            "--provider", server.BaseUrl + "/pool/{{.Name}}", "download", inside + "/SHA256SUMS");

        Assert.True(run.ExitCode == 0, $"{run.CommandLine}\n{run.StandardError}");
        Assert.Contains("2 downloaded", run.StandardError, StringComparison.Ordinal);
        foreach (var deb in Debs)
        {
            Assert.Equal(deb.Bytes, await File.ReadAllBytesAsync(Path.Join(host, "cache", "blobs", "sha256", deb.Sha256)));
        }
        var info = await minbase.RunAsync("--distro", "none", "info", "--json");
        Assert.True(info.ExitCode == 0, info.StandardError);
        using var json = JsonDocument.Parse(info.StandardOutput);
        Assert.Equal("Gcrypt", json.RootElement.GetProperty("Sha256Backend").GetString());
    }

    [Fact]
    public async Task AWrongByteFailsClearlyAndLeavesNothingInTheCache()
    {
        await using var server = await ServeDebsAsync();
        server.Serve("/pool/" + DebFixture.Hello.Basename, DebFixture.Hello.Bytes, Misbehaviour.WrongBytes);
        var (inside, host) = minbase.Root.CreateWorkDirectory();
        await File.WriteAllTextAsync(Path.Join(host, "SHA256SUMS"), DebFixture.Hello.LockLine);

        var run = await minbase.RunAsync("--distro", "none", "--cache", inside + "/cache",
            "--provider", server.BaseUrl + "/pool/{{.Name}}", "download", inside + "/SHA256SUMS");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"expected sha256 {DebFixture.Hello.Sha256}", run.StandardError, StringComparison.Ordinal);
        Assert.Contains(DebFixture.Hello.Basename, run.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Join(host, "cache", "blobs", "sha256")));
    }

    [Fact]
    public async Task CacheVerifyFindsACorruptBlobWithLibgcrypt()
    {
        var (inside, host) = minbase.Root.CreateWorkDirectory();
        Directory.CreateDirectory(Path.Join(host, "debs"));
        foreach (var deb in Debs)
        {
            await File.WriteAllBytesAsync(Path.Join(host, "debs", deb.Basename), deb.Bytes);
        }
        var import = await minbase.RunAsync("--cache", inside + "/cache", "cache", "import", inside + "/debs");
        Assert.True(import.ExitCode == 0, import.StandardError);
        Assert.Equal(string.Concat(Debs.Select(d => d.LockLine)), import.StandardOutput);
        var corrupt = Path.Join(host, "cache", "blobs", "sha256", DebFixture.Neofetch.Sha256);
        var bytes = await File.ReadAllBytesAsync(corrupt);
        bytes[^1] ^= 0x80;
        await File.WriteAllBytesAsync(corrupt, bytes);

        var verify = await minbase.RunAsync("--cache", inside + "/cache", "cache", "verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains(DebFixture.Neofetch.Sha256, verify.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(corrupt));
        Assert.True(File.Exists(Path.Join(host, "cache", "blobs", "sha256", DebFixture.Hello.Sha256)));
    }

    [Fact]
    public async Task HttpsFailsWithAClearMessageInsteadOfAborting()
    {
        var (inside, host) = minbase.Root.CreateWorkDirectory();
        await File.WriteAllTextAsync(Path.Join(host, "SHA256SUMS"), DebFixture.Hello.LockLine);

        // Nothing listens there: the point is that the TLS path is refused before .NET's crypto is touched.
        var run = await minbase.RunAsync("--distro", "none", "--cache", inside + "/cache",
            "--provider", "https://127.0.0.1:9/pool/{{.Name}}", "download", inside + "/SHA256SUMS");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTPS needs libssl", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("No usable version of libssl", run.StandardError, StringComparison.Ordinal);
    }

    private static async Task<LoopbackHttpServer> ServeDebsAsync()
    {
        var server = await LoopbackHttpServer.StartAsync();
        foreach (var deb in Debs)
        {
            server.Serve("/pool/" + deb.Basename, deb.Bytes);
        }
        return server;
    }
}
