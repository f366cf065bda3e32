using ReproGet.TestKit;
using ReproGet.TestKit.Http;
using ReproGet.TestKit.Roots;

namespace ReproGet.Dockerfiles.Tests;

/// <summary>
/// Issue 3's end-to-end check, as a user would run it: the lock made in one fresh minbase root (hash generate,
/// apt-get install, hash generate --dedupe) is installed by the published binary inside a second fresh root whose apt
/// lists are gone, with a dead provider first and a server that knows files only by sha256.
/// </summary>
[Trait("Category", "Integration")]
[Collection(BookwormCollection.Name)]
public sealed class DebianInstallEndToEndTests(BookwormBase bookworm)
{
    [Fact]
    public async Task ASecondRootWithoutListsEndsWithExactlyTheSamePackages()
    {
        using var temp = new TempDirectory();
        var root = await bookworm.FreshRootAsync(temp.Path);
        var lists = Path.Join(root, "var/lib/apt/lists");
        Directory.Delete(lists, recursive: true);
        Directory.CreateDirectory(lists);
        File.Copy(bookworm.PublishedBinary, Path.Join(root, "usr/local/bin/repro-get"), overwrite: true);
        File.Copy(bookworm.Lockfile, Path.Join(root, "SHA256SUMS-amd64"));
        await using var server = await LoopbackHttpServer.StartAsync();
        foreach (var (sha256, name) in bookworm.Entries)
        {
            server.Serve("/sha256/" + sha256, bookworm.Blobs[sha256]);
        }

        var install = await Chroot.RunAsync(root, "repro-get", "--distro", "debian", "--cache", "/var/cache/repro-get",
            "--provider", "http://127.0.0.1:1/{{.Name}}", "--provider", server.BaseUrl + "/sha256/{{.SHA256}}",
            "install", "/SHA256SUMS-amd64");

        Assert.True(install.ExitCode == 0, install.StandardError);
        Assert.Contains("127.0.0.1:1", install.StandardError, StringComparison.Ordinal);
        var installed = await Chroot.RunOfflineAsync(root, "dpkg-query", "-W");
        Assert.Equal(bookworm.LockedRootPackages, installed.StandardOutput);
    }
}
