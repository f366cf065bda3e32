using ReproGet.TestKit;
using ReproGet.TestKit.Http;
using ReproGet.TestKit.Roots;

namespace ReproGet.Cli.Tests.Lock;

/// <summary>
/// The amd64 chain, on three copies of the shared minbase root (<see cref="MinbaseRoot"/>): resolve
/// <c>hello jq</c> on top of the first's dpkg status without installing anything; install that lock into a second
/// root that has no apt lists, from a by-hash server of the fetched files; the second root's <c>dpkg-query -W</c>
/// must equal a third root where apt-get itself installed <c>hello jq</c>.
/// </summary>
[Trait("Category", "Integration")]
[Collection(ResolveStateCollection.Name)]
public sealed class AmdChainTests(ResolveStateFixture state)
{
    [Fact]
    public async Task ALockResolvedOnAMinbaseStatusInstallsWhatAptGetInstalls()
    {
        using var minbase = await MinbaseRoot.OpenAsync();
        using var temp = new TempDirectory();
        File.Copy(Path.Join(minbase.RootPath, "var/lib/dpkg/status"), temp.Combine("minbase-status"));
        // The root's own sources.list (updates and security too), and apt-get installs Recommends by default: so does the project.
        var config = temp.WriteFile("repro-get.toml", """
            distro = "debian"
            sources = [
                "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main",
                "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm-updates main",
                "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://security.debian.org/debian-security bookworm-security main",
            ]
            architectures = ["amd64"]
            packages = ["hello", "jq"]
            recommends = true
            base = "minbase-status"
            """);
        var before = File.ReadAllText(Path.Join(minbase.RootPath, "var/lib/dpkg/status"));

        using var locked = await ReproGetProcess.RunAsync(["--cache", state.Cache, "lock", "--config", config]);

        Assert.True(locked.ExitCode == 0, locked.ToString());
        Assert.Equal(before, File.ReadAllText(Path.Join(minbase.RootPath, "var/lib/dpkg/status")));
        var lockPath = temp.Combine("SHA256SUMS-amd64");
        var debs = File.ReadAllLines(lockPath).Where(l => l.EndsWith(".deb", StringComparison.Ordinal)).ToList();
        Assert.Contains(debs, l => l.Contains("/hello_", StringComparison.Ordinal));
        Assert.Contains(debs, l => l.Contains("/libjq1_", StringComparison.Ordinal));
        // Only what minbase lacks: no libc6, which minbase has.
        Assert.DoesNotContain(debs, l => l.Contains("/libc6_", StringComparison.Ordinal));

        // The lock carries the chain hash generate writes, for all three suites, and put its files into the lock's cache.
        var names = File.ReadAllLines(lockPath).Where(l => !l.StartsWith('#')).Select(l => l[66..]).ToList();
        Assert.Contains("dists/bookworm/InRelease", names);
        Assert.Contains("dists/bookworm-security/main/binary-amd64/Packages", names);

        // The lock's cache has the chain; the .debs come from the mirrors into it.
        using var download = await ReproGetProcess.RunAsync(["--cache", state.Cache, "--distro", "debian",
            "--provider", "http://deb.debian.org/debian/{{.Name}}", "--provider", "http://security.debian.org/debian-security/{{.Name}}",
            "download", lockPath]);
        Assert.True(download.ExitCode == 0, download.ToString());
        await using var server = await LoopbackHttpServer.StartAsync();
        foreach (var line in File.ReadAllLines(lockPath).Where(l => !l.StartsWith('#')))
        {
            server.ServeBySha256(await File.ReadAllBytesAsync(Path.Combine(state.Cache, "blobs", "sha256", line[..64])));
        }

        var fromLock = await CopyAsync(minbase, temp.Combine("from-lock"));
        Assert.Empty(Directory.EnumerateFiles(Path.Join(fromLock, "var/lib/apt/lists"), "*Packages*"));
        using var install = await ReproGetProcess.RunAsync(["--root", fromLock, "--distro", "debian", "--cache", temp.Combine("c2"),
            "--provider", server.Url("/sha256/{{.SHA256}}"), "install", lockPath]);
        var byApt = await CopyAsync(minbase, temp.Combine("by-apt"));
        var apt = await Chroot.RunAsync(byApt, "sh", "-c", "apt-get update -qq && apt-get install -y -qq hello jq");

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Contains("provenance: all ", install.StandardError, StringComparison.Ordinal);
        Assert.True(apt.ExitCode == 0, apt.StandardError);
        var expected = RealTool.Run("dpkg-query", "--admindir", Path.Join(byApt, "var/lib/dpkg"), "-W");
        Assert.Contains("\nhello\t", expected, StringComparison.Ordinal);
        Assert.Equal(expected, RealTool.Run("dpkg-query", "--admindir", Path.Join(fromLock, "var/lib/dpkg"), "-W"));
    }

    // A copy of the shared root (nobody changes that one), with the host's name resolution as a container gets.
    private static async Task<string> CopyAsync(MinbaseRoot minbase, string root)
    {
        var tarball = root + ".tar";
        await minbase.WriteTarballAsync(tarball);
        Directory.CreateDirectory(root);
        RealTool.Run("tar", "-C", root, "-xf", tarball);
        File.Delete(tarball);
        File.Copy("/etc/resolv.conf", Path.Join(root, "etc/resolv.conf"), overwrite: true);
        return root;
    }
}
