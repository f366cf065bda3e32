using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Http;
using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.Gateway;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.Rpc;
using ReproGet.Sources.Ipfs.Tests.Support;
using ReproGet.Sources.Ipfs.Tests.Vectors;
using ReproGet.Sources.Ipfs.UnixFs;
using ReproGet.TestKit;

namespace ReproGet.Sources.Ipfs.Tests.Integration;

/// <summary>The real repro-get against a real IPFS node: push, fetch back trustlessly, CAR import, a lying gateway.</summary>
[Trait("Category", "Integration")]
[Collection(IpfsNodeCollection.Name)]
public sealed class IpfsNodeTests(IpfsNode node) : IDisposable
{
    private readonly HttpClient _client = new();

    [Fact]
    public async Task Push_appends_CIDs_that_match_local_and_oracle_computation_and_a_second_push_only_checks()
    {
        using var locked = await LockedFiles.CreateAsync("push", 3_000_000);

        using var push = await Repro("--cache", locked.Cache, "ipfs", "push", "--api", Multiaddr(node.ApiUrl), locked.Lockfile);

        Assert.True(push.ExitCode == 0, push.ToString());
        var lines = File.ReadAllLines(locked.Lockfile);
        Assert.Equal(6, lines.Length);
        for (var i = 0; i < locked.Files.Count; i++)
        {
            var path = locked.Directory.Combine("files", Path.GetFileName(locked.Files[i].Name));
            var local = await UnixFsImporter.ComputeFileAsync(path, UnixFsImportOptions.KuboDefault, null, CancellationToken.None);
            var line = $"{locked.Sha256(i)}  /ipfs/{local}";
            Assert.Contains(line, lines);
            Assert.Contains(line, push.StandardOutput.Split('\n'));
            Assert.Equal((await CidOracles.IpfsCidAsync(path)).V0, local.ToString());
        }
        Assert.Contains("35b1508eeee9c1dfba798c4c04304ef0f266990f936a51f165571edf53325cbc  /ipfs/QmRY19HEWeTJtRC6vAdz7rDfX3PjSMgXmd1KYi9guAACUj", lines);

        using var again = await Repro("--cache", locked.Cache, "ipfs", "push", "--api", node.ApiUrl, locked.Lockfile);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(lines, File.ReadAllLines(locked.Lockfile));
        Assert.Equal("", again.StandardOutput);
        Assert.Contains("0 files pushed", again.StandardError, StringComparison.Ordinal);
        Assert.Contains("3 already had a CID", again.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pushed_files_come_back_through_a_trustless_gateway_into_a_fresh_cache_identical()
    {
        using var locked = await PushedAsync("roundtrip", 3_000_000);
        await using var gateway = await TrustlessGateway.StartAsync(new KuboBackend(_client, node.ApiUrl));
        var fresh = locked.Directory.Combine("fresh-cache");

        using var download = await Repro("--cache", fresh, "download", "--provider", gateway.TemplateFor(), locked.Lockfile);

        Assert.True(download.ExitCode == 0, download.ToString());
        for (var i = 0; i < locked.Files.Count; i++)
        {
            Assert.Equal(locked.Files[i].Content, File.ReadAllBytes(Path.Combine(fresh, "blobs", "sha256", locked.Sha256(i))));
        }
        Assert.Equal(3, gateway.Requests.Count(r => r.EndsWith("?format=car", StringComparison.Ordinal)));
        Assert.DoesNotContain("serves neither", download.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_nodes_own_gateway_serves_plain_bytes_only_and_is_used_with_a_warning()
    {
        using var locked = await PushedAsync("plain", 600_000);
        var fresh = locked.Directory.Combine("fresh-cache");

        using var download = await Repro("--cache", fresh, "download", "--provider", node.GatewayUrl + "/ipfs/{{.CID}}", locked.Lockfile);

        Assert.True(download.ExitCode == 0, download.ToString());
        Assert.Equal(locked.Files[2].Content, File.ReadAllBytes(Path.Combine(fresh, "blobs", "sha256", locked.Sha256(2))));
        Assert.Contains("serves neither CARs nor raw blocks", download.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_gateway_that_alters_one_byte_of_a_block_is_refused_at_that_block(bool car)
    {
        using var locked = await PushedAsync(car ? "lying-car" : "lying-raw", 3_000_000);
        var root = CidIn(File.ReadAllLines(locked.Lockfile).Single(l => l.StartsWith(locked.Sha256(2), StringComparison.Ordinal)
            && l.Contains("/ipfs/", StringComparison.Ordinal)));
        var backend = new KuboBackend(_client, node.ApiUrl);
        var leaf = DagPbNode.Decode((await backend.BlockAsync(root))!, "root").Links[7].Hash;
        await using var gateway = await TrustlessGateway.StartAsync(backend);
        gateway.ServesCar = car;
        gateway.CorruptBlock = leaf;
        var fresh = locked.Directory.Combine("fresh-cache");

        using var download = await Repro("--cache", fresh, "download", "--provider", gateway.TemplateFor(), locked.Lockfile);

        Assert.Equal(1, download.ExitCode);
        Assert.Contains($"block {leaf} from", download.StandardError, StringComparison.Ordinal);
        Assert.Contains("does not match its CID", download.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fresh, "blobs", "sha256", locked.Sha256(2))));
        // The honest files of the same lock still arrive.
        Assert.True(File.Exists(Path.Combine(fresh, "blobs", "sha256", locked.Sha256(0))));
    }

    [Fact]
    public async Task Our_CAR_imports_into_the_node_and_its_roots_resolve_to_the_same_bytes()
    {
        using var directory = new TempDirectory();
        var content = new ChaCha20Stream("car-import", 1_500_000).ToArray();
        var carPath = directory.Combine("bundle.car");
        Cid root;
        await using (var car = File.Create(carPath))
        {
            var expected = await UnixFsImporter.ComputeAsync(new MemoryStream(content), UnixFsImportOptions.KuboCidV1, null, CancellationToken.None);
            var writer = CarWriter.Start(car, [expected]);
            root = await UnixFsImporter.ComputeAsync(new MemoryStream(content), UnixFsImportOptions.KuboCidV1, writer, CancellationToken.None);
        }
        var rpc = new KuboRpcClient(_client, new KuboApiAddress(new Uri(node.ApiUrl + "/"), "test"));

        var roots = await rpc.DagImportAsync(carPath, CancellationToken.None);

        Assert.Equal([root], roots);
        Assert.True(await rpc.IsPinnedAsync(root, CancellationToken.None));
        Assert.Equal(content, await new KuboBackend(_client, node.ApiUrl).FileAsync(root));
    }

    [Fact]
    public async Task A_CAR_bundle_of_a_lock_imports_into_the_node_and_back_into_a_fresh_cache()
    {
        using var locked = await LockedFiles.CreateAsync("bundle", 2_000_000);
        var car = locked.Directory.Combine("debs.car");

        using var export = await Repro("--cache", locked.Cache, "ipfs", "car", "export", "--cid-version", "1", car, locked.Lockfile);

        Assert.True(export.ExitCode == 0, export.ToString());
        var lines = export.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var rpc = new KuboRpcClient(_client, new KuboApiAddress(new Uri(node.ApiUrl + "/"), "test"));
        var roots = await rpc.DagImportAsync(car, CancellationToken.None);
        Assert.Equal(lines.Select(l => CidIn(l).ToString()).Order(StringComparer.Ordinal), roots.Select(r => r.ToString()).Order(StringComparer.Ordinal));
        var backend = new KuboBackend(_client, node.ApiUrl);
        for (var i = 0; i < locked.Files.Count; i++)
        {
            var line = Assert.Single(lines, l => l.StartsWith(locked.Sha256(i), StringComparison.Ordinal));
            Assert.Equal(locked.Files[i].Content, await backend.FileAsync(CidIn(line)));
        }
        File.AppendAllLines(locked.Lockfile, ["", .. lines]);
        var fresh = locked.Directory.Combine("fresh-cache");

        using var import = await Repro("--cache", fresh, "ipfs", "car", "import", car, locked.Lockfile);

        Assert.True(import.ExitCode == 0, import.ToString());
        for (var i = 0; i < locked.Files.Count; i++)
        {
            Assert.Equal(locked.Files[i].Content, File.ReadAllBytes(Path.Combine(fresh, "blobs", "sha256", locked.Sha256(i))));
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task A_CID_the_node_does_not_hold_fails_after_the_answer_timeout_instead_of_hanging()
    {
        var unknown = BlockHash.CidOf("held by no one"u8, 1, Multicodec.Raw);
        var source = new IpfsGatewaySource(_client, new HttpBlobSource(_client), TimeSpan.FromSeconds(3));
        var entry = new LockEntry("x.bin", Sha256Digest.FromBytes(new byte[32]), unknown.ToString());

        var error = await Assert.ThrowsAsync<SourceException>(
            () => source.OpenAsync(new BlobRequest(new Uri($"{node.GatewayUrl}/ipfs/{unknown}"), entry, 0), CancellationToken.None));

        Assert.Contains("no answer within 3 s", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task The_nodes_CAR_export_reads_back_through_our_reader_block_by_block()
    {
        using var locked = await PushedAsync("export", 1_000_000);
        var backend = new KuboBackend(_client, node.ApiUrl);
        var root = await UnixFsImporter.ComputeAsync(new MemoryStream(locked.Files[2].Content), UnixFsImportOptions.KuboDefault, null,
            CancellationToken.None);
        await using var car = (await backend.VerbatimCarAsync(root))!;
        var reader = new CarReader(car, "dag export");

        Assert.Equal([root], await reader.ReadHeaderAsync(CancellationToken.None));
        var count = 0;
        while (await reader.ReadBlockAsync(CancellationToken.None) is { } block)
        {
            BlockHash.Verify(block.Cid, block.Data, "dag export");
            count++;
        }
        Assert.Equal(5, count); // the root and four 256 KiB leaves
    }

    public void Dispose() => _client.Dispose();

    private async Task<LockedFiles> PushedAsync(string seed, int size)
    {
        var locked = await LockedFiles.CreateAsync(seed, size);
        using var push = await Repro("--cache", locked.Cache, "ipfs", "push", "--api", node.ApiUrl, locked.Lockfile);
        Assert.True(push.ExitCode == 0, push.ToString());
        return locked;
    }

    private static Task<ReproGetProcess> Repro(params string[] arguments) =>
        ReproGetProcess.RunAsync(arguments, new Dictionary<string, string> { ["IPFS_PATH"] = "/nonexistent" });

    /// <summary>The CID of a <c>&lt;sha256&gt;  /ipfs/&lt;CID&gt;</c> line.</summary>
    private static Cid CidIn(string line) => Cid.Parse(line[line.IndexOf("/ipfs/", StringComparison.Ordinal)..]["/ipfs/".Length..]);

    private static string Multiaddr(string url)
    {
        var uri = new Uri(url);
        return $"/ip4/{uri.Host}/tcp/{uri.Port}";
    }
}
