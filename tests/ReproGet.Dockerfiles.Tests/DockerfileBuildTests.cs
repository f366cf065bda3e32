using System.Text.Json;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Dockerfiles.Tests;

/// <summary>
/// The generated Dockerfile built for real by buildah (vfs, chroot isolation) from the local bookworm base, with the
/// lock's files served by hash from a loopback server: twice from scratch with one SOURCE_DATE_EPOCH.
/// </summary>
[Trait("Category", "Integration")]
[Collection(BookwormCollection.Name)]
public sealed class DockerfileBuildTests(BookwormBase bookworm)
{
    [Fact]
    public async Task TwoBuildsFromScratchGiveTheSameSingleLayerWithThePackagesInstalled()
    {
        using var temp = new TempDirectory();
        var context = temp.Combine("context");
        await GenerateAsync(context);
        File.Copy(bookworm.Lockfile, Path.Combine(context, "SHA256SUMS-amd64"));
        await File.WriteAllTextAsync(Path.Combine(context, "SOURCE_DATE_EPOCH"), bookworm.SourceDateEpoch + "\n");
        await using var server = await LoopbackHttpServer.StartAsync();
        foreach (var (sha256, name) in bookworm.Entries)
        {
            server.Serve("/sha256/" + sha256, bookworm.Debs[Path.GetFileName(name)]);
        }

        var first = await BuildAsync(context, server.BaseUrl, "first");
        var second = await BuildAsync(context, server.BaseUrl, "second");

        Assert.Single(first);
        Assert.Equal(first, second);
        // Both builds fetched every file: the cache mount started empty each time.
        Assert.Equal(2 * bookworm.Entries.Count, server.Requests.Count(r => r.Path.StartsWith("/sha256/", StringComparison.Ordinal)));
        var installed = await InstalledAsync("localhost/repro-get-test-out:second");
        foreach (var package in BookwormBase.Packages)
        {
            Assert.Contains(package + "\t", installed, StringComparison.Ordinal);
        }
    }

    private async Task GenerateAsync(string context)
    {
        using var run = await ReproGetProcess.RunAsync(
            ["--distro", "debian", "dockerfile", "generate", context, bookworm.Image, .. BookwormBase.Packages, "--binary", bookworm.PublishedBinary],
            new Dictionary<string, string> { ["CONTAINERS_STORAGE_CONF"] = bookworm.StorageConf });
        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.DoesNotContain("could not find the digest", run.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Builds with --no-cache and a fresh TMPDIR; returns the image's layer digests from its manifest.</summary>
    private async Task<List<string>> BuildAsync(string context, string baseUrl, string tag)
    {
        var image = "localhost/repro-get-test-out:" + tag;
        await bookworm.BuildahAsync("build", "--isolation", "chroot", "--no-cache", "--timestamp", bookworm.SourceDateEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--build-arg", $"REPRO_GET_PROVIDER={baseUrl}/sha256/{{{{.SHA256}}}}", "-t", image, context);
        var inspect = await bookworm.BuildahAsync("inspect", "--type", "image", image);
        using var json = JsonDocument.Parse(inspect.StandardOutput);
        using var manifest = JsonDocument.Parse(json.RootElement.GetProperty("Manifest").GetString()!);
        return [.. manifest.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()!)];
    }

    /// <summary>dpkg-query on the host against the image's dpkg database (buildah mount: nothing runs in the image).</summary>
    private async Task<string> InstalledAsync(string image)
    {
        var container = (await bookworm.BuildahAsync("from", image)).StandardOutput.Trim();
        try
        {
            var mount = (await bookworm.BuildahAsync("mount", container)).StandardOutput.Trim();
            return (await Sh.MustAsync("dpkg-query", ["--admindir=" + Path.Join(mount, "var/lib/dpkg"), "-W", .. BookwormBase.Packages])).StandardOutput;
        }
        finally
        {
            await bookworm.BuildahAsync("rm", container);
        }
    }
}
