using System.Security.Cryptography;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 17: the Debian plugin passes each file's <c>Size:</c> from apt's lists as its transfer bound. On a real
/// small filesystem (tmpfs): a provider sending more than the size is cut off at it and the next provider is used
/// (before, the endless body filled the disk and the run stopped); a file within its size that meets a full disk stops
/// the run with the disk-full error and leaves nothing partial.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ExpectedSizeTests
{
    private const string HelloName = "pool/main/h/hello/hello_2.10-2_amd64.deb";

    [Fact]
    public async Task A_body_past_its_Size_is_that_providers_failure_and_the_next_provider_serves_the_file()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Serve("/endless/" + HelloName, new ServedFile(DebFixture.Hello.Bytes, Misbehaviour.Endless));
        server.Serve("/good/" + HelloName, DebFixture.Hello.Bytes);
        using var temp = new TempDirectory();
        var root = RootWithAptList(temp, (HelloName, DebFixture.Hello.Sha256, DebFixture.Hello.Bytes.Length));
        using var small = SmallFilesystem.Mount(temp.Combine("small"), "1m");
        var cache = Path.Combine(small.Path, "cache");
        var lockfile = temp.WriteFile("SHA256SUMS", $"{DebFixture.Hello.Sha256}  {HelloName}\n");

        var run = await CliRun.RunAsync("--distro", "debian", "--root", root, "--cache", cache,
            "--provider", server.BaseUrl + "/endless/{{.Name}}", "--provider", server.BaseUrl + "/good/{{.Name}}", "download", lockfile);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"sent more than the expected size of {DebFixture.Hello.Bytes.Length} bytes", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(DebFixture.Hello.Bytes, File.ReadAllBytes(Path.Combine(cache, "blobs", "sha256", DebFixture.Hello.Sha256)));
        Assert.Equal(1, server.RequestCount("/good/" + HelloName));
        Assert.Empty(Directory.EnumerateFiles(cache, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_within_its_Size_that_meets_a_full_disk_stops_the_run_and_leaves_nothing_partial()
    {
        var big = new byte[3 << 20];
        new Random(5).NextBytes(big);
        var bigSha256 = Convert.ToHexStringLower(SHA256.HashData(big));
        const string bigName = "pool/main/b/big/big_1.0-1_amd64.deb";
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Serve("/" + bigName, big);
        server.Serve("/mirror2/" + bigName, big);
        using var temp = new TempDirectory();
        var root = RootWithAptList(temp, (bigName, bigSha256, big.Length));
        using var small = SmallFilesystem.Mount(temp.Combine("small"), "1m");
        var cache = Path.Combine(small.Path, "cache");
        var lockfile = temp.WriteFile("SHA256SUMS", $"{bigSha256}  {bigName}\n");

        var run = await CliRun.RunAsync("--distro", "debian", "--root", root, "--cache", cache,
            "--provider", server.BaseUrl + "/{{.Name}}", "--provider", server.BaseUrl + "/mirror2/{{.Name}}", "download", lockfile);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"cannot write to the cache {cache}: No space left on device", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount("/mirror2/" + bigName));
        Assert.False(File.Exists(Path.Combine(cache, "blobs", "sha256", bigSha256)));
        Assert.Empty(Directory.EnumerateFiles(cache, "*.tmp", SearchOption.AllDirectories));
    }

    // A root whose apt lists hold one Packages index listing the files with their SHA256 and Size.
    private static string RootWithAptList(TempDirectory temp, params (string Name, string Sha256, long Size)[] files)
    {
        var stanzas = files.Select(f =>
        {
            var package = Path.GetFileName(f.Name).Split('_');
            return $"Package: {package[0]}\nVersion: {package[1]}\nArchitecture: amd64\nFilename: {f.Name}\nSize: {f.Size}\nSHA256: {f.Sha256}\n";
        });
        temp.WriteFile("root/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages",
            string.Join("\n", stanzas));
        temp.WriteFile("root/var/lib/dpkg/status", "");
        return temp.Combine("root");
    }
}
