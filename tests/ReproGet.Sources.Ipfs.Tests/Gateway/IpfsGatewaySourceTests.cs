using System.Security.Cryptography;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Http;
using ReproGet.Sources.Ipfs.Gateway;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.Tests.Support;
using ReproGet.Sources.Ipfs.Tests.Vectors;
using ReproGet.Sources.Ipfs.UnixFs;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Sources.Ipfs.Tests.Gateway;

public sealed class IpfsGatewaySourceTests : IAsyncLifetime
{
    // 3 000 000 bytes: 12 leaves under one root (vectors.md, computed boundary section).
    private readonly byte[] _content = new ChaCha20Stream("repro-get", 3_000_000).ToArray();
    private readonly MemoryBlockStore _store = new();
    private readonly HttpClient _client = new();
    private readonly RecordingLog _log = new();
    private TrustlessGateway _gateway = null!;
    private Cid _root = null!;

    public async Task InitializeAsync()
    {
        _root = await _store.AddAsync(_content, UnixFsImportOptions.KuboDefault);
        _gateway = await TrustlessGateway.StartAsync(_store);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task A_gateway_serving_CARs_gives_the_file_in_one_request()
    {
        var bytes = await FetchAsync(_root);

        Assert.Equal(_content, bytes);
        Assert.Equal([$"/ipfs/{_root}?format=car"], _gateway.Requests);
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public async Task A_gateway_serving_only_raw_blocks_is_read_block_by_block()
    {
        _gateway.ServesCar = false;

        var bytes = await FetchAsync(_root);

        Assert.Equal(_content, bytes);
        // The refused CAR, then the root and its 12 leaves.
        Assert.Equal(14, _gateway.Requests.Count);
        Assert.All(_gateway.Requests.Skip(1), r => Assert.EndsWith("?format=raw", r));
    }

    [Fact]
    public async Task A_gateway_serving_neither_falls_back_to_plain_bytes_with_a_warning_once()
    {
        _gateway.ServesCar = false;
        _gateway.ServesRaw = false;
        var source = CreateSource();

        var first = await FetchAsync(_root, source);
        var second = await FetchAsync(_root, source);

        Assert.Equal(_content, first);
        Assert.Equal(_content, second);
        Assert.Equal($"/ipfs/{_root}", _gateway.Requests[^1]);
        // The second file goes straight to plain bytes: the gateway's answer was remembered.
        Assert.Equal(4, _gateway.Requests.Count);
        Assert.Contains(_log.Warnings, w => w.Contains("serves neither CARs nor raw blocks", StringComparison.Ordinal));
        Assert.Single(_log.Warnings);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_altered_block_is_refused_at_that_block(bool car)
    {
        _gateway.ServesCar = car;
        var leaves = DagPbNode.Decode(await _store.GetBlockAsync(_root, CancellationToken.None), "root").Links;
        _gateway.CorruptBlock = leaves[4].Hash;
        var source = CreateSource();
        await using var response = await source.OpenAsync(Request(_root), CancellationToken.None);
        var buffer = new byte[_content.Length];

        var error = await Assert.ThrowsAsync<IpfsFormatException>(() => response.Content.ReadExactlyAsync(buffer).AsTask());

        Assert.Contains($"block {leaves[4].Hash}", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match its CID", error.Message, StringComparison.Ordinal);
        Assert.Contains("block 6 of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_root_is_refused_before_any_byte_is_served()
    {
        _gateway.CorruptBlock = _root;

        var error = await Assert.ThrowsAsync<IpfsFormatException>(() => CreateSource().OpenAsync(Request(_root), CancellationToken.None));

        Assert.Contains($"block {_root}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_CAR_out_of_depth_first_order_is_still_verified_and_rebuilt()
    {
        _gateway.ReverseCarOrder = true;

        Assert.Equal(_content, await FetchAsync(_root));
    }

    [Fact]
    public async Task A_CAR_that_sends_a_repeated_leaf_once_still_rebuilds_the_file()
    {
        // 1 MiB of zeros: four identical leaves, one distinct block below the root.
        var zeros = new byte[1024 * 1024];
        var root = await _store.AddAsync(zeros, UnixFsImportOptions.KuboCidV1);
        _gateway.OmitRepeatedBlocks = true;

        Assert.Equal(zeros, await FetchAsync(root));
    }

    [Fact]
    public async Task A_CID_the_gateway_lacks_is_a_permanent_404()
    {
        var unknown = BlockHash.CidOf("not stored"u8, 1, Multicodec.Raw);

        var error = await Assert.ThrowsAnyAsync<SourceException>(() => CreateSource().OpenAsync(Request(unknown), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_URL_without_an_IPFS_path_goes_to_the_plain_HTTP_source()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        var url = server.Serve("/pool/main/h/hello_2.10-2_amd64.deb", _content);

        await using var response = await CreateSource().OpenAsync(
            new BlobRequest(new Uri(url), new LockEntry("hello_2.10-2_amd64.deb", Digest(_content)), 0), CancellationToken.None);

        Assert.Equal(_content, StreamBytes.ReadAll(response.Content));
        Assert.Empty(_gateway.Requests);
    }

    [Theory]
    [InlineData("http://gw.example/ipfs/QmRY19HEWeTJtRC6vAdz7rDfX3PjSMgXmd1KYi9guAACUj", "http://gw.example/ipfs/{0}?format=raw")]
    [InlineData("http://gw.example/mirror/ipfs/QmRY19HEWeTJtRC6vAdz7rDfX3PjSMgXmd1KYi9guAACUj", "http://gw.example/mirror/ipfs/{0}?format=raw")]
    [InlineData("http://bafybeibppog7jskwqd5w6xx4pt3pr7rctiy73cg6jud4rtbd3oh6fns3bq.ipfs.gw.example/", "http://{1}.ipfs.gw.example/?format=raw")]
    public void Gateway_URLs_are_recognised_and_name_other_blocks_alike(string url, string blockPattern)
    {
        var other = BlockHash.CidOf("x"u8, 1, Multicodec.Raw);

        Assert.True(GatewayUrl.TryParse(new Uri(url), out var gateway));

        Assert.Equal("bafybeibppog7jskwqd5w6xx4pt3pr7rctiy73cg6jud4rtbd3oh6fns3bq", gateway.Root.ToV1().ToString());
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, blockPattern, other, other.ToV1()),
            gateway.BlockUrl(other).ToString());
    }

    [Theory]
    [InlineData("http://deb.debian.org/debian/pool/main/h/hello/hello_2.10-2_amd64.deb")]
    [InlineData("http://gw.example/ipfs/not-a-cid")]
    [InlineData("http://gw.example/ipfs/QmRY19HEWeTJtRC6vAdz7rDfX3PjSMgXmd1KYi9guAACUj/sub/path")]
    public void Other_URLs_are_not_gateway_URLs(string url) => Assert.False(GatewayUrl.TryParse(new Uri(url), out _));

    private IpfsGatewaySource CreateSource() => new(_client, new HttpBlobSource(_client), TimeSpan.FromSeconds(30), _log);

    private async Task<byte[]> FetchAsync(Cid root, IpfsGatewaySource? source = null)
    {
        await using var response = await (source ?? CreateSource()).OpenAsync(Request(root), CancellationToken.None);
        Assert.Equal(0, response.Offset);
        return StreamBytes.ReadAll(response.Content);
    }

    private BlobRequest Request(Cid root) =>
        new(new Uri(_gateway.TemplateFor(root.ToString())), new LockEntry("file.bin", Digest(_content), root.ToString()), 0);

    private static Sha256Digest Digest(byte[] content) => Sha256Digest.FromBytes(SHA256.HashData(content));
}
