using System.Text.Json;
using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.EndToEnd;

/// <summary>
/// hash generate → verify → install's gate on a root with the real bookworm-updates list, its InRelease and Debian's
/// archive keyring, in process; verify also runs as the real process with no network at all (<c>unshare -n</c>).
/// </summary>
[Trait("Category", "Integration")]
public sealed class VerifyCommandTests : IDisposable
{
    private const string OpensshClient = "pool/main/o/openssh/openssh-client_9.2p1-2+deb12u7_amd64.deb";
    private const string OpensshSha = "ebcf438221dabddee078bbdf79f1f126f345ed6e7f830662bf13ae1aece6b629";
    private const string CaCertificatesSha = "0d5f444f594e48c1e16a41d8fc628a09b24c658916a1274025c2330f2a802bed";
    private const string ListPrefix = "var/lib/apt/lists/deb.debian.org_debian_dists_bookworm-updates_";

    private readonly TempDirectory _root = new();
    private readonly TempDirectory _work = new();

    public VerifyCommandTests()
    {
        _root.WriteFile("var/lib/dpkg/status", "Package: openssh-client\nStatus: install ok installed\nVersion: 1:9.2p1-2+deb12u7\nArchitecture: amd64\n\n"
            + "Package: dpkg\nStatus: install ok installed\nVersion: 1.21.22\nArchitecture: amd64\n\n");
        _root.WriteFile(ListPrefix + "main_binary-amd64_Packages.lz4",
            RealTool.Compress(".lz4", File.ReadAllBytes(FixturePath.Get("debian", "bookworm-updates_main_binary-amd64_Packages"))));
        _root.WriteFile(ListPrefix + "InRelease", File.ReadAllBytes(FixturePath.Get("debian", "bookworm-updates_InRelease")));
        _root.WriteFile("usr/share/keyrings/debian-archive-keyring.gpg", File.ReadAllBytes("/usr/share/keyrings/debian-archive-keyring.gpg"));
    }

    private string Cache => _work.Combine("cache");

    [Fact]
    public async Task ALockedChainVerifiesOfflineAndAsJson()
    {
        var lockfile = await LockAsync();

        var verify = await RunAsync("verify", "--offline", "--json", lockfile);

        Assert.True(verify.ExitCode == 0, verify.StandardError);
        using var json = JsonDocument.Parse(verify.StandardOutput);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        var entry = Assert.Single(json.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal("verified", entry.GetProperty("status").GetString());
        Assert.Equal("bookworm-updates", entry.GetProperty("suite").GetString());
        Assert.Equal("2026-11-20T02:11:10Z", entry.GetProperty("date").GetString());
        Assert.Contains("Debian Archive Automatic Signing Key", entry.GetProperty("uid").GetString(), StringComparison.Ordinal);
        Assert.Contains("1 verified, 0 unproven, 0 failed", verify.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyNeedsNoNetwork()
    {
        RealTool.RequireInstalled("unshare");
        var lockfile = await LockAsync();

        var result = RealTool.Try("unshare", ["-n", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", ReproGetProcess.DllPath,
            "--root", _root.Path, "--cache", Cache, "--distro", "debian", "verify", "--offline", lockfile]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.StartsWith("verified", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASwappedHashFailsTheEntryLink()
    {
        var lockfile = await LockAsync();
        File.WriteAllText(lockfile, File.ReadAllText(lockfile).Replace($"{OpensshSha}  {OpensshClient}", $"{CaCertificatesSha}  {OpensshClient}", StringComparison.Ordinal));

        var verify = await RunAsync("verify", "--offline", lockfile);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"failed    provenance  {OpensshClient}  entry link broken", verify.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"lists {OpensshClient} with sha256 {OpensshSha}, the lock has {CaCertificatesSha}", verify.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockWithoutAChainIsUnprovenAndFailsOnlyWithRequireProvenance()
    {
        var lockfile = await LockAsync("--no-provenance");

        var plain = await RunAsync("verify", "--offline", lockfile);
        var required = await RunAsync("verify", "--offline", "--require-provenance", lockfile);

        Assert.True(plain.ExitCode == 0, plain.StandardError);
        Assert.StartsWith("unproven", plain.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, required.ExitCode);
        Assert.Contains("(--require-provenance)", required.StandardError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _root.Dispose();
        _work.Dispose();
    }

    private async Task<string> LockAsync(params string[] options)
    {
        var generate = await RunAsync(["hash", "generate", .. options, "openssh-client"]);
        Assert.True(generate.ExitCode == 0, generate.StandardError);
        if (options.Length == 0)
        {
            Assert.Contains("  dists/bookworm-updates/InRelease\n", generate.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("80a1f6ee524222c49f230fc5700d00f946d0a47eb5258180106dd03df126e16a  dists/bookworm-updates/main/binary-amd64/Packages\n",
                generate.StandardOutput, StringComparison.Ordinal);
        }
        return _work.WriteFile("SHA256SUMS", generate.StandardOutput);
    }

    private Task<CliResult> RunAsync(params string[] arguments) =>
        CliRun.RunAsync(["--root", _root.Path, "--cache", Cache, "--distro", "debian", .. arguments]);
}
