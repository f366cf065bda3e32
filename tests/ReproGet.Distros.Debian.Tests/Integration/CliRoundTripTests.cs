using ReproGet.Distros.Debian.Apt;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Integration;

/// <summary>
/// The real <c>repro-get</c> on roots: <c>hash generate</c> on a root where the packages were installed, then
/// <c>install</c> of that lock into a fresh root with no apt lists, from a file:// mirror.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CliRoundTripTests
{
    [Fact]
    public async Task HashGenerateOnOneRootThenInstallIntoAnotherGivesTheSamePackages()
    {
        using var work = new TempDirectory();
        var library = DebPackage.Build(work.Path, "libreprofoo", "1:1.0-1", "all");
        var program = DebPackage.Build(work.Path, "reprohello", "2.0~rc1-1", "amd64", depends: "libreprofoo (>= 1:1.0)");
        foreach (var package in new[] { library, program })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(work.Combine("mirror", package.PoolName))!);
            File.Copy(package.Path, work.Combine("mirror", package.PoolName));
        }
        using var made = new DebianRoot()
            .WithFile("etc/apt/sources.list", $"deb file://{work.Path}/mirror bookworm main\n")
            .WithList(ListFileOrder.ListFilePrefix($"file://{work.Path}/mirror", "bookworm") + "main_binary-amd64_Packages",
                library.Stanza + program.Stanza, ".lz4");
        RealTool.Run("dpkg", $"--root={made.Path}", "--install", library.Path, program.Path);

        var generate = await CliRun.RunAsync(["--root", made.Path, "--distro", "debian", "hash", "generate"]);
        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.Equal(library.LockLine + program.LockLine, generate.StandardOutput);

        var lockfile = work.WriteFile("SHA256SUMS-amd64", generate.StandardOutput);
        using var fresh = new DebianRoot();
        var install = await CliRun.RunAsync(["--root", fresh.Path, "--distro", "debian", "--cache", work.Combine("cache"),
            "--provider", $"file://{work.Path}/mirror/{{{{.Name}}}}", "install", lockfile]);
        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Equal(DpkgInstallTests.Query(made), DpkgInstallTests.Query(fresh));

        var again = await CliRun.RunAsync(["--root", fresh.Path, "--distro", "debian", "--cache", work.Combine("cache"),
            "--provider", "http://127.0.0.1:9/unused/{{.Name}}", "install", lockfile]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing to install", again.StandardError, StringComparison.Ordinal);
    }
}
