using ReproGet.TestKit;
using ReproGet.TestKit.Http;
using ReproGet.TestKit.Roots;

namespace ReproGet.Dockerfiles.Tests;

/// <summary>
/// <c>repro-get bundle</c>'s install.sh in a fresh bookworm root with the network cut off (<c>unshare -n</c>): only
/// sh, sha256sum and dpkg run there.
/// </summary>
[Trait("Category", "Integration")]
[Collection(BookwormCollection.Name)]
public sealed class BundleInstallTests(BookwormBase bookworm)
{
    [Fact]
    public async Task InstallsTheLockedPackagesOffline()
    {
        using var temp = new TempDirectory();
        var root = await PrepareAsync(temp, "/bundle");

        var install = await Chroot.RunOfflineAsync(root, "sh", "/bundle/install.sh");

        Assert.True(install.ExitCode == 0, install.StandardError);
        var query = await Chroot.RunOfflineAsync(root, ["dpkg-query", "-W", .. BookwormBase.Packages]);
        Assert.True(query.ExitCode == 0, query.StandardError);
        foreach (var package in BookwormBase.Packages)
        {
            Assert.Contains(package + "\t", query.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RefusesAnAlteredBlobBeforeInstallingAnything()
    {
        using var temp = new TempDirectory();
        var root = await PrepareAsync(temp, "/bundle");
        var (sha256, name) = bookworm.Entries.First(e => e.Name.Contains("/hello_", StringComparison.Ordinal));
        var blob = Path.Join(root, "bundle/blobs/sha256", sha256);
        var bytes = await File.ReadAllBytesAsync(blob);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(blob, bytes);

        var install = await Chroot.RunOfflineAsync(root, "sh", "/bundle/install.sh");

        Assert.Equal(1, install.ExitCode);
        Assert.Contains(sha256, install.StandardError, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(name), install.StandardError, StringComparison.Ordinal);
        Assert.Contains("nothing was installed", install.StandardError, StringComparison.Ordinal);
        var query = await Chroot.RunOfflineAsync(root, ["dpkg-query", "-W", .. BookwormBase.Packages]);
        Assert.NotEqual(0, query.ExitCode);
        Assert.DoesNotContain("hello\t", query.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("sl\t", query.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CarImportsBackToTheLockedFiles()
    {
        using var temp = new TempDirectory();
        var bundle = await BundleAsync(temp, temp.Combine("bundle"), "--car");

        // Importing the CAR (every block checked against its CID) must rebuild exactly the locked files.
        var fresh = temp.Combine("fresh-cache");
        var import = await CliRun.RunAsync(["--cache", fresh, "ipfs", "car", "import",
            Path.Combine(bundle, "blobs.car"), bookworm.Lockfile]);

        Assert.True(import.ExitCode == 0, import.StandardError);
        foreach (var (sha256, name) in bookworm.Entries)
        {
            Assert.Equal(bookworm.Blobs[sha256], await File.ReadAllBytesAsync(Path.Combine(fresh, "blobs", "sha256", sha256)));
        }
    }

    /// <summary>A fresh root with the bundle (made on the host from the loopback server) at <paramref name="inside"/>.</summary>
    private async Task<string> PrepareAsync(TempDirectory temp, string inside)
    {
        var root = await bookworm.FreshRootAsync(temp.Path);
        await BundleAsync(temp, Path.Join(root, inside));
        return root;
    }

    private async Task<string> BundleAsync(TempDirectory temp, string output, params string[] extra)
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        foreach (var (sha256, name) in bookworm.Entries)
        {
            server.Serve("/sha256/" + sha256, bookworm.Blobs[sha256]);
        }
        var run = await CliRun.RunAsync(["--distro", "debian", "--cache", temp.Combine("cache"),
            "--provider", server.BaseUrl + "/sha256/{{.SHA256}}", "bundle", bookworm.Lockfile, "-o", output, .. extra]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        return output;
    }
}
