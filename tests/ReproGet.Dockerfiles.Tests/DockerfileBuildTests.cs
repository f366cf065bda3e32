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
    public async Task TwoBuildsFromScratchAndTheBundleVariantGiveTheSameSingleLayerWithThePackagesInstalled()
    {
        using var temp = new TempDirectory();
        var context = await ContextAsync(temp.Combine("context"));
        var bundleContext = await ContextAsync(temp.Combine("bundle-context"), "--installer", "bundle");
        await using var server = await LoopbackHttpServer.StartAsync();
        foreach (var (sha256, name) in bookworm.Entries)
        {
            server.Serve("/sha256/" + sha256, bookworm.Blobs[sha256]);
        }

        var first = await BuildAsync(context, server.BaseUrl, "first");
        var second = await BuildAsync(context, server.BaseUrl, "second");
        var viaBundle = await BuildAsync(bundleContext, server.BaseUrl, "bundle");

        Assert.Single(first);
        Assert.Equal(first, second);
        // The same files installed by the bundle's install.sh (no repro-get in the final stage) give the same layer.
        Assert.Equal(first, viaBundle);
        // Every build fetched every file: the cache mount started empty each time.
        Assert.Equal(3 * bookworm.Entries.Count, server.Requests.Count(r => r.Path.StartsWith("/sha256/", StringComparison.Ordinal)));
        var installed = await InstalledAsync("localhost/repro-get-test-out:second");
        foreach (var package in BookwormBase.Packages)
        {
            Assert.Contains(package + "\t", installed, StringComparison.Ordinal);
        }
    }

    /// <summary>A build context: the generated Dockerfiles and binary, the lock and SOURCE_DATE_EPOCH.</summary>
    private async Task<string> ContextAsync(string context, params string[] options)
    {
        using var run = await ReproGetProcess.RunAsync(
            ["--distro", "debian", "dockerfile", "generate", context, bookworm.Image, .. BookwormBase.Packages, "--binary", bookworm.PublishedBinary, .. options],
            new Dictionary<string, string> { ["CONTAINERS_STORAGE_CONF"] = bookworm.StorageConf });
        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.DoesNotContain("could not find the digest", run.StandardError, StringComparison.Ordinal);
        Assert.Contains($"ARG BASE_IMAGE={bookworm.Image.Split(':')[0]}@sha256:", await File.ReadAllTextAsync(Path.Combine(context, "Dockerfile")), StringComparison.Ordinal);
        File.Copy(bookworm.Lockfile, Path.Combine(context, "SHA256SUMS-amd64"));
        await File.WriteAllTextAsync(Path.Combine(context, "SOURCE_DATE_EPOCH"), bookworm.SourceDateEpoch + "\n");
        return context;
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
