using ReproGet.Core.Hashing;
using ReproGet.TestKit;

namespace ReproGet.Dockerfiles.Tests;

/// <summary>
/// What `dockerfile generate` writes. Dockerfile.generate-hash needs snapshot.debian.org, which this machine cannot
/// reach, so its text is checked here rather than its run (the Dockerfile is built for real in DockerfileBuildTests).
/// </summary>
public sealed class GeneratedDockerfileTests
{
    private const string Base = "docker.io/library/debian@sha256:2906000000000000000000000000000000000000000000000000000000000000";

    [Fact]
    public async Task GenerateHashPinsTheSnapshotAndLeavesNoLiveSourcesBehind()
    {
        using var temp = new TempDirectory();
        var binary = await GenerateAsync(temp, "hello", "sl");
        var text = await File.ReadAllTextAsync(temp.Combine("ctx", "Dockerfile.generate-hash"));

        Assert.Contains($"ARG BASE_IMAGE={Base}\n", text, StringComparison.Ordinal);
        Assert.Contains("ARG PACKAGES=\"hello sl\"", text, StringComparison.Ordinal);
        // Debian 12's deb822 debian.sources is removed along with every other source, not left live beside the snapshot.
        Assert.Contains("rm -f /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources", text, StringComparison.Ordinal);
        // The epoch falls back to a file Debian 12 has.
        Assert.Contains("for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list /var/lib/dpkg/status", text, StringComparison.Ordinal);
        Assert.Contains("hash generate --dedupe /tmp/SHA256SUMS-preinstalled > '/out/SHA256SUMS-amd64'", text, StringComparison.Ordinal);
        Assert.Contains($"echo '{binary}  /usr/local/bin/repro-get.mnt' | sha256sum -c", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text.Replace("@sha256:", "", StringComparison.Ordinal).Replace("\"@${SOURCE_DATE_EPOCH}\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DockerfileChecksTheContextBinaryAndSquashes()
    {
        using var temp = new TempDirectory();
        var binary = await GenerateAsync(temp);
        var text = await File.ReadAllTextAsync(temp.Combine("ctx", "Dockerfile"));

        Assert.False(File.Exists(temp.Combine("ctx", "Dockerfile.generate-hash")), "no PKG: no Dockerfile.generate-hash");
        Assert.Contains($"echo \"{binary}  $ctx/\"'repro-get.linux-amd64' | sha256sum -c", text, StringComparison.Ordinal);
        Assert.Contains("--mount=type=cache,target=/tmp/repro-get-cache", text, StringComparison.Ordinal);
        Assert.EndsWith("FROM scratch\nCOPY --from=install / /\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://github.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BundleInstallerFetchesInOneStageAndInstallsWithInstallSh()
    {
        using var temp = new TempDirectory();
        await GenerateAsync(temp, "--installer", "bundle");
        var text = await File.ReadAllTextAsync(temp.Combine("ctx", "Dockerfile"));

        Assert.Contains("bundle \"$ctx/\"'SHA256SUMS-amd64' -o /bundle", text, StringComparison.Ordinal);
        Assert.Contains("sh /mnt/repro-get-bundle/install.sh", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dockerfile.generate-hash")]
    [InlineData("Dockerfile")]
    public async Task ArchTemplatesHaveBalancedParenthesesAndUseTheArchive(string file)
    {
        using var temp = new TempDirectory();
        await GenerateAsync(temp, "--distro", "arch", "hello");
        var text = await File.ReadAllTextAsync(temp.Combine("ctx", file));

        // The Go tool's Arch Dockerfile lacked a ')' in its epoch's $(stat ...).
        foreach (var line in text.Split('\n').Where(l => !l.StartsWith('#')))
        {
            Assert.True(line.Count(c => c == '(') == line.Count(c => c == ')'), $"unbalanced parentheses: {line}");
        }
        Assert.Contains("--distro 'arch'", text, StringComparison.Ordinal);
        if (file == "Dockerfile.generate-hash")
        {
            Assert.Contains("echo \"Server = ${ARCHIVE_BASE}${day}/\\$repo/os/\\$arch\" > /etc/pacman.d/mirrorlist", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("debian", "--arch", "amd64;touch PWNED;#", "unknown architecture")]
    [InlineData("arch", "--arch", "amd64;touch PWNED;#", "unknown architecture")]
    [InlineData("debian", "--arch", "x/../../..", "unknown architecture")]
    [InlineData("debian", "PKG", "-oDpkg::Pre-Invoke::=touch /PWNED", "invalid package name")]
    [InlineData("debian", "PKG", "*", "invalid package name")]
    [InlineData("debian", "PKG", "hello;id", "invalid package name")]
    [InlineData("arch", "PKG", "--overwrite=*", "invalid package name")]
    [InlineData("debian", "IMAGE", "debian:bookworm touch", "invalid base image reference")]
    [InlineData("debian", "IMAGE", "debian:$(id)", "invalid base image reference")]
    public async Task InputsOutsideTheirGrammarAreRefusedAndNothingIsWritten(string distro, string where, string value, string error)
    {
        using var temp = new TempDirectory();
        var binary = temp.WriteFile("bin/repro-get", [0x7f, (byte)'E', (byte)'L', (byte)'F', 1, 2, 3]);
        var context = temp.Combine("work", "ctx");
        var image = where == "IMAGE" ? value : Base;
        string[] rest = where switch
        {
            "--arch" => ["hello", "--arch", value],
            // After "--", so the value reaches the package grammar rather than the unknown-option check (which refuses it too).
            "PKG" => ["hello", "--arch", "amd64", "--", value],
            _ => ["hello", "--arch", "amd64"],
        };
        var run = await CliRun.RunAsync(["--distro", distro, "dockerfile", "generate", context, image, .. rest, "--binary", binary]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(error, run.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(context) && Directory.EnumerateFileSystemEntries(context).Any(), "nothing may be written");
        Assert.Equal([binary], Directory.EnumerateFiles(temp.Path, "repro-get*", SearchOption.AllDirectories));
        Assert.False(File.Exists(temp.Combine("PWNED")));
    }

    [Fact]
    public async Task AFailedGenerateLeavesNoBinaryBehind()
    {
        using var temp = new TempDirectory();
        var binary = temp.WriteFile("bin/repro-get", [0x7f, (byte)'E', (byte)'L', (byte)'F', 1, 2, 3]);
        // Arch has no bundle template: this fails after the binary was copied.
        var run = await CliRun.RunAsync(["--distro", "arch", "dockerfile", "generate", temp.Combine("ctx"), Base,
            "--installer", "bundle", "--binary", binary, "--arch", "amd64"]);

        Assert.Equal(1, run.ExitCode);
        Assert.False(Directory.Exists(temp.Combine("ctx")), "the folder the failed run made is gone with it");
    }

    [Fact]
    public async Task ALinkPlantedInTheContextIsReplacedNotWrittenThrough()
    {
        using var temp = new TempDirectory();
        var victim = temp.WriteFile("victim", "keep me");
        Directory.CreateDirectory(temp.Combine("ctx"));
        File.CreateSymbolicLink(temp.Combine("ctx", "Dockerfile"), victim);
        File.CreateSymbolicLink(temp.Combine("ctx", "repro-get.linux-amd64"), victim);

        await GenerateAsync(temp);

        Assert.Equal("keep me", File.ReadAllText(victim));
        Assert.Null(new FileInfo(temp.Combine("ctx", "Dockerfile")).LinkTarget);
    }

    [Fact]
    public async Task AFrameworkDependentBinaryIsRefused()
    {
        using var temp = new TempDirectory();
        var run = await CliRun.RunAsync(["--distro", "debian", "dockerfile", "generate", temp.Combine("ctx"), Base,
            "--binary", ReproGetProcess.DllPath]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not a self-contained linux repro-get", run.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Generates into ctx/ with a stand-in ELF binary; returns that binary's sha256.</summary>
    private static async Task<string> GenerateAsync(TempDirectory temp, params string[] arguments)
    {
        var binary = temp.WriteFile("bin/repro-get", [0x7f, (byte)'E', (byte)'L', (byte)'F', 1, 2, 3]);
        var distro = arguments.Contains("--distro") ? [] : new[] { "--distro", "debian" };
        var run = await CliRun.RunAsync([.. distro, "dockerfile", "generate", temp.Combine("ctx"), Base,
            .. arguments, "--binary", binary, "--arch", "amd64"]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        var copied = temp.Combine("ctx", "repro-get.linux-amd64");
        Assert.Equal(await File.ReadAllBytesAsync(binary), await File.ReadAllBytesAsync(copied));
        return Sha256Hasher.HashBytes(await File.ReadAllBytesAsync(copied)).Hex;
    }
}
