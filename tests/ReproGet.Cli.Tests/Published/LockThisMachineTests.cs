using ReproGet.Core.Processes;
using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.Published;

/// <summary>
/// The README's first command as a new user meets it: a fresh Debian minbase root (what <c>debian:bookworm</c> holds:
/// no apt lists), the published repro-get, <c>scripts/lock-this-machine</c> run as root inside it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LockThisMachineTests(PublishedInMinbaseRoot minbase) : IClassFixture<PublishedInMinbaseRoot>
{
    [Fact]
    public async Task WithoutListsHashGenerateFailsSayingWhyAndWritesNothing()
    {
        Assert.False(Directory.Exists(Path.Join(minbase.Root.RootPath, "var/lib/apt/lists"))
            && Directory.EnumerateFiles(Path.Join(minbase.Root.RootPath, "var/lib/apt/lists"), "*_Packages*").Any(), "a fresh minbase root has no apt lists");

        var run = await minbase.RunAsync("hash", "generate", "--allow-missing", "--no-snapshot");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.StandardOutput);
        Assert.Contains("nothing could be locked", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("there are no apt lists under /var/lib/apt/lists", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("apt-get update", run.StandardError, StringComparison.Ordinal);
        // One error, not a line per installed package.
        Assert.True(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 3, run.StandardError);
    }

    [Fact]
    public async Task InAFreshRootTheScriptRefreshesTheListsAndLocksEveryInstalledPackage()
    {
        // A copy of the root: apt-get update writes into it, and the shared root must stay as mmdebstrap made it.
        using var copy = new TempDirectory();
        var tarball = Path.Join(copy.Path, "root.tar");
        await minbase.Root.WriteTarballAsync(tarball);
        var root = Path.Join(copy.Path, "root");
        Directory.CreateDirectory(root);
        RealTool.Run("tar", "-C", root, "-xf", tarball);
        File.Delete(tarball);
        // What a container runtime provides: name resolution for the mirror.
        File.Copy("/etc/resolv.conf", Path.Join(root, "etc/resolv.conf"), overwrite: true);
        Directory.CreateDirectory(Path.Join(root, "work"));
        await PublishedBinary.CopyToAsync(Path.Join(root, "work", "repro-get"));
        File.Copy(Path.Join(FixturePath.RepositoryRoot, "scripts", "lock-this-machine"), Path.Join(root, "work", "lock-this-machine"));

        var run = await ReproGet.TestKit.Roots.Chroot.RunAsync(root, "/usr/bin/env", "REPRO_GET_BINARY=/work/repro-get",
            "bash", "/work/lock-this-machine", "/work/SHA256SUMS");

        Assert.True(run.ExitCode == 0, $"{run.CommandLine}\n{run.StandardError}");
        Assert.Contains("no apt lists under /var/lib/apt/lists: running apt-get update", run.StandardError, StringComparison.Ordinal);
        var installed = RealTool.Run("chroot", root, "dpkg-query", "-W", "-f", "${db:Status-Status}\n")
            .Split('\n').Count(s => s == "installed");
        var lines = await File.ReadAllLinesAsync(Path.Join(root, "work", "SHA256SUMS"));
        Assert.True(installed > 50, $"only {installed} packages installed in minbase?");
        // Every installed package of a fresh root is in the lists it just fetched (mmdebstrap installed from them).
        Assert.Equal(installed, lines.Count(l => l.Contains("  pool/", StringComparison.Ordinal)));
        // The rest is the signature chain (provenance): each suite's InRelease and the indexes listing locked files.
        Assert.All(lines, l => Assert.Matches("^[0-9a-f]{64}  (pool/|dists/)", l));
        Assert.Contains($"wrote {lines.Length} entries to /work/SHA256SUMS", run.StandardError, StringComparison.Ordinal);
    }
}
