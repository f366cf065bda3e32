using System.Text.Json;
using ReproGet.Core.Hashing;
using ReproGet.TestKit.Registry;

namespace ReproGet.Sources.Oci.Tests.Integration;

/// <summary>The real repro-get against the real docker-registry without auth.</summary>
[Trait("Category", "Integration")]
public sealed class AnonymousRegistryTests
{
    [Fact]
    public async Task Pushed_files_come_back_byte_for_byte_from_the_registry_alone()
    {
        using var workspace = await Workspace.CreateAsync();
        await using var registry = await DockerRegistry.StartAsync();

        using var push = await workspace.PushAsync($"oci://{registry.Address}/reproget/debs:v1");
        using var clean = await workspace.RunAsync("--cache", workspace.FilledCache, "cache", "clean");
        var emptied = Directory.Exists(Path.Combine(workspace.FilledCache, "blobs", "sha256"))
            ? Directory.GetFiles(Path.Combine(workspace.FilledCache, "blobs", "sha256")).Length
            : 0;
        using var download = await workspace.DownloadAsync(workspace.FilledCache, $"oci://{registry.Address}/reproget/debs");

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Matches("^sha256:[0-9a-f]{64}\n$", push.StandardOutput);
        Assert.Contains("2 uploaded", push.StandardError, StringComparison.Ordinal);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Equal(0, emptied);
        Assert.True(download.ExitCode == 0, download.ToString());
        Assert.Contains("2 downloaded", download.StandardError, StringComparison.Ordinal);
        Workspace.AssertHoldsTheDebs(workspace.FilledCache);
    }

    [Fact]
    public async Task The_manifest_is_an_oras_style_artifact_under_the_printed_digest()
    {
        using var workspace = await Workspace.CreateAsync();
        await using var registry = await DockerRegistry.StartAsync();

        using var push = await workspace.PushAsync($"{registry.Address}/reproget/debs:v1");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{registry.BaseUrl}/v2/reproget/debs/manifests/v1");
        request.Headers.Accept.ParseAdd(OciMediaTypes.ImageManifest);
        using var response = await http.SendAsync(request);
        var manifest = await response.Content.ReadAsByteArrayAsync();

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Equal(push.StandardOutput.Trim(), "sha256:" + Sha256Hasher.HashBytes(manifest).Hex);
        using var json = JsonDocument.Parse(manifest);
        Assert.Equal(OciMediaTypes.PackagesArtifact, json.RootElement.GetProperty("artifactType").GetString());
        Assert.Equal(OciMediaTypes.Empty, json.RootElement.GetProperty("config").GetProperty("mediaType").GetString());
        var layers = json.RootElement.GetProperty("layers").EnumerateArray()
            .Select(l => (l.GetProperty("annotations").GetProperty(OciMediaTypes.TitleAnnotation).GetString(), l.GetProperty("digest").GetString()))
            .ToList();
        Assert.Equal(Workspace.Debs.Select(d => ((string?)d, (string?)("sha256:" + Workspace.Hex(d)))), layers);
    }

    [Fact]
    public async Task A_second_push_uploads_nothing()
    {
        using var workspace = await Workspace.CreateAsync();
        await using var registry = await DockerRegistry.StartAsync();

        using var first = await workspace.PushAsync($"oci://{registry.Address}/reproget/debs:v1");
        using var second = await workspace.PushAsync($"oci://{registry.Address}/reproget/debs:v1");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("0 uploaded", second.StandardError, StringComparison.Ordinal);
        Assert.Contains("2 already there", second.StandardError, StringComparison.Ordinal);
        Assert.Equal(first.StandardOutput, second.StandardOutput);
    }

    [Fact]
    public async Task Pushing_files_missing_from_the_cache_names_them_and_says_to_download_first()
    {
        using var workspace = await Workspace.CreateAsync();
        await using var registry = await DockerRegistry.StartAsync();

        using var push = await workspace.RunAsync("--cache", workspace.NewCache("empty"), "oci", "push",
            $"oci://{registry.Address}/reproget/debs:v1", workspace.Lockfile);

        Assert.Equal(1, push.ExitCode);
        Assert.All(Workspace.Debs, deb => Assert.Contains(deb, push.StandardError, StringComparison.Ordinal));
        Assert.Contains("repro-get download", push.StandardError, StringComparison.Ordinal);
        Assert.Empty(push.StandardOutput);
    }

    [Fact]
    public async Task A_blob_corrupted_in_the_registry_is_refused_and_nothing_is_cached()
    {
        using var workspace = await Workspace.CreateAsync();
        await using var registry = await DockerRegistry.StartAsync();
        using var push = await workspace.PushAsync($"oci://{registry.Address}/reproget/debs:v1");
        Assert.True(push.ExitCode == 0, push.ToString());
        var hello = Workspace.Hex(Workspace.Debs[0]);
        var stored = registry.BlobDataPath(hello);
        var bytes = File.ReadAllBytes(stored);
        bytes[bytes.Length / 2] ^= 0xff;
        File.WriteAllBytes(stored, bytes);

        var fresh = workspace.NewCache("fresh");
        using var download = await workspace.DownloadAsync(fresh, $"oci://{registry.Address}/reproget/debs");

        Assert.Equal(1, download.ExitCode);
        Assert.Contains($"expected sha256 {hello}", download.StandardError, StringComparison.Ordinal);
        var left = Directory.GetFiles(Path.Combine(fresh, "blobs", "sha256")).Select(Path.GetFileName).ToList();
        Assert.Equal([Workspace.Hex(Workspace.Debs[1])], left);
    }

    [Fact]
    public async Task A_repository_without_the_files_gives_the_registry_error_for_each()
    {
        using var workspace = await Workspace.CreateAsync();
        await using var registry = await DockerRegistry.StartAsync();

        using var download = await workspace.DownloadAsync(workspace.NewCache("fresh"), $"oci://{registry.Address}/reproget/empty");

        Assert.Equal(1, download.ExitCode);
        Assert.Contains("HTTP 404", download.StandardError, StringComparison.Ordinal);
        Assert.Contains("UNKNOWN", download.StandardError, StringComparison.Ordinal);
    }
}
