using System.Net;
using ReproGet.Core.Fetching;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Hashing;
using ReproGet.TestKit;
using ReproGet.TestKit.Registry;
using ReproGet.Core.Operations.Pushing;

namespace ReproGet.Sources.Oci.Tests.Integration;

/// <summary>The library (pusher, blob source) against the real docker-registry: chunked uploads, mounts, resume.</summary>
[Trait("Category", "Integration")]
public sealed class RegistryClientTests : IAsyncLifetime
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly TempDirectory _home = new();
    private DockerRegistry? _registry;

    private DockerRegistry Registry => _registry!;

    public async Task InitializeAsync() => _registry = await DockerRegistry.StartAsync();

    public async Task DisposeAsync()
    {
        await Registry.DisposeAsync();
        _http.Dispose();
        _home.Dispose();
    }

    [Fact]
    public async Task Chunked_uploads_arrive_whole()
    {
        var target = OciReference.Parse($"oci://{Registry.Address}/reproget/chunked:v1");

        var result = await Pusher(new PushOptions { ChunkSize = 16 * 1024 }).PushAsync(target, Files(), [], CancellationToken.None);

        Assert.Equal(2, result.Uploaded);
        Assert.Equal(56132 + 81452, result.BytesUploaded);
        foreach (var deb in Workspace.Debs)
        {
            Assert.Equal(File.ReadAllBytes(Workspace.FixturePathOf(deb)), await PullAsync(target, deb, offset: 0));
        }
    }

    [Fact]
    public async Task Mounting_from_another_repository_sends_no_bytes()
    {
        var source = OciReference.Parse($"oci://{Registry.Address}/reproget/source:v1");
        var target = OciReference.Parse($"oci://{Registry.Address}/reproget/mounted:v1");
        await Pusher(new PushOptions()).PushAsync(source, Files(), [], CancellationToken.None);

        var result = await Pusher(new PushOptions { MountFrom = "reproget/source" }).PushAsync(target, Files(), [], CancellationToken.None);

        Assert.Equal((0, 2, 0L), (result.Uploaded, result.Mounted, result.BytesUploaded));
        Assert.Equal(File.ReadAllBytes(Workspace.FixturePathOf(Workspace.Debs[1])), await PullAsync(target, Workspace.Debs[1], offset: 0));
    }

    [Fact]
    public async Task A_download_resumes_at_the_offset_it_asks_for()
    {
        var target = OciReference.Parse($"oci://{Registry.Address}/reproget/resume:v1");
        await Pusher(new PushOptions()).PushAsync(target, Files(), [], CancellationToken.None);
        var whole = File.ReadAllBytes(Workspace.FixturePathOf(Workspace.Debs[0]));

        var rest = await PullAsync(target, Workspace.Debs[0], offset: 1000);

        Assert.Equal(whole[1000..], rest);
    }

    [Fact]
    public async Task A_resume_past_the_end_starts_over_from_byte_zero()
    {
        var target = OciReference.Parse($"oci://{Registry.Address}/reproget/resume:v1");
        await Pusher(new PushOptions()).PushAsync(target, Files(), [], CancellationToken.None);
        var whole = File.ReadAllBytes(Workspace.FixturePathOf(Workspace.Debs[0]));

        var again = await PullAsync(target, Workspace.Debs[0], offset: whole.Length, expectedOffset: 0);

        Assert.Equal(whole, again);
    }

    [Fact]
    public async Task A_tag_in_the_provider_is_ignored_with_one_warning()
    {
        var target = OciReference.Parse($"oci://{Registry.Address}/reproget/tagged:v1");
        await Pusher(new PushOptions()).PushAsync(target, Files(), [], CancellationToken.None);
        var log = new RecordingLog();
        var source = new OciBlobSource(Client(), log);

        foreach (var deb in Workspace.Debs)
        {
            var entry = new LockEntry(deb, Sha256Digest.Parse(Workspace.Hex(deb)));
            await using var response = await source.OpenAsync(new BlobRequest(new Uri($"oci://{Registry.Address}/reproget/tagged:v1"), entry, 0),
                CancellationToken.None);
            Assert.Equal(new FileInfo(Workspace.FixturePathOf(deb)).Length, response.TotalLength);
        }

        var warning = Assert.Single(log.Warnings);
        Assert.Contains("ignored", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pushing_to_a_digest_is_refused()
    {
        var target = OciReference.Parse($"oci://{Registry.Address}/reproget/debs@sha256:{new string('a', 64)}");

        var error = await Assert.ThrowsAsync<Core.Errors.ReproGetException>(
            () => Pusher(new PushOptions()).PushAsync(target, Files(), [], CancellationToken.None));

        Assert.Contains("tag", error.Message, StringComparison.Ordinal);
        using var response = await _http.GetAsync($"{Registry.BaseUrl}/v2/reproget/debs/tags/list");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private RegistryClient Client() => new(_http, new CredentialStore(name => name == "HOME" ? _home.Path : null));

    private ArtifactPusher Pusher(PushOptions options) => new(Client(), options);

    private static List<ArtifactFile> Files() =>
    [
        .. Workspace.Debs.Select(d => new ArtifactFile(d, Sha256Digest.Parse(Workspace.Hex(d)),
            new FileInfo(Workspace.FixturePathOf(d)).Length, Workspace.FixturePathOf(d))),
    ];

    private async Task<byte[]> PullAsync(OciReference reference, string deb, long offset, long? expectedOffset = null)
    {
        var entry = new LockEntry(deb, Sha256Digest.Parse(Workspace.Hex(deb)));
        var url = new Uri($"oci://{reference.Registry}/{reference.Repository}");
        await using var response = await new OciBlobSource(Client()).OpenAsync(new BlobRequest(url, entry, offset), CancellationToken.None);
        Assert.Equal(expectedOffset ?? offset, response.Offset);
        using var copy = new MemoryStream();
        await response.Content.CopyToAsync(copy);
        return copy.ToArray();
    }
}
