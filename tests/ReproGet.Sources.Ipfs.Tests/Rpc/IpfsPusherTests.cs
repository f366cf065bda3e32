using System.Security.Cryptography;
using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.Push;
using ReproGet.Sources.Ipfs.Rpc;
using ReproGet.Sources.Ipfs.Tests.Support;
using ReproGet.Sources.Ipfs.UnixFs;
using ReproGet.TestKit;

namespace ReproGet.Sources.Ipfs.Tests.Rpc;

public sealed class IpfsPusherTests : IAsyncLifetime
{
    private const string HelloName = "pool/main/h/hello/hello_2.10-2_amd64.deb";
    private const string HelloV0 = "QmRY19HEWeTJtRC6vAdz7rDfX3PjSMgXmd1KYi9guAACUj";

    private readonly TempDirectory _directory = new();
    private readonly HttpClient _client = new();
    private readonly RecordingLog _log = new();
    private FakeKuboRpc _rpc = null!;
    private ContentCache _cache = null!;
    private LockEntry _hello = null!;

    public async Task InitializeAsync()
    {
        _rpc = await FakeKuboRpc.StartAsync();
        _cache = ContentCache.Open(_directory.Combine("cache"));
        var deb = FixturePath.Get("ipfs", "debs", "hello_2.10-2_amd64.deb");
        await new CacheImporter(_cache).ImportAsync([deb], CancellationToken.None);
        _hello = new LockEntry(HelloName, Sha256Digest.FromBytes(SHA256.HashData(File.ReadAllBytes(deb))));
    }

    public async Task DisposeAsync()
    {
        await _rpc.DisposeAsync();
        _cache.Dispose();
        _client.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_Kubo_style_answer_with_Size_as_a_string_is_accepted_and_no_hash_parameter_is_sent()
    {
        _rpc.AddAnswer = $$"""{"Name":"hello_2.10-2_amd64.deb","Hash":"{{HelloV0}}","Size":"56146"}""";

        var result = await Pusher(UnixFsImportOptions.KuboDefault).PushAsync([_hello], _cache, CancellationToken.None);

        Assert.Empty(result.Failures);
        Assert.Equal(HelloV0, Assert.Single(result.Outcomes).Cid.ToString());
        var add = Assert.Single(_rpc.Requests, r => r.StartsWith("/api/v0/add", StringComparison.Ordinal));
        Assert.Contains("pin=true", add, StringComparison.Ordinal);
        Assert.Contains("cid-version=0", add, StringComparison.Ordinal);
        Assert.DoesNotContain("hash=", add, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_js_ipfs_style_CIDv1_in_base58btc_with_a_numeric_Size_is_the_same_CID()
    {
        var v1 = Cid.Parse("bafkreibvwfii53xjyhp3u6mmjqcdatxq6jtjsd4tnji7czkxd3pvgms4xq");
        _rpc.AddAnswer = $$"""{"Name":"hello","Hash":"{{SimpleBase.Multibase.Encode(v1.ToBytes(), SimpleBase.MultibaseEncoding.Base58Bitcoin)}}","Size":56132,"Mode":"0644"}""";

        var result = await Pusher(UnixFsImportOptions.KuboCidV1).PushAsync([_hello], _cache, CancellationToken.None);

        Assert.Empty(result.Failures);
        Assert.Equal(v1.ToString(), Assert.Single(result.Outcomes).Cid);
        Assert.Contains("cid-base=base32", _rpc.Requests.Single(r => r.StartsWith("/api/v0/add", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_answering_another_CID_is_an_error_and_nothing_is_recorded()
    {
        _rpc.AddAnswer = """{"Name":"hello","Hash":"QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH","Size":"6"}""";

        var result = await Pusher(UnixFsImportOptions.KuboDefault).PushAsync([_hello], _cache, CancellationToken.None);

        Assert.Empty(result.Outcomes);
        var failure = Assert.Single(result.Failures).ToString();
        Assert.Contains(HelloName, failure, StringComparison.Ordinal);
        Assert.Contains($"answered CID QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH, but the file's CID is {HelloV0}", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_with_a_CID_is_checked_against_the_cached_bytes_not_uploaded()
    {
        var result = await Pusher(UnixFsImportOptions.KuboDefault).PushAsync([_hello with { Cid = HelloV0 }], _cache, CancellationToken.None);

        Assert.False(Assert.Single(result.Outcomes).Uploaded);
        Assert.DoesNotContain(_rpc.Requests, r => r.StartsWith("/api/v0/add", StringComparison.Ordinal));
        Assert.Contains(_log.Warnings, w => w.Contains($"does not pin {HelloV0}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_entry_whose_CID_does_not_match_its_cached_bytes_fails()
    {
        var wrong = "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";

        var result = await Pusher(UnixFsImportOptions.KuboDefault).PushAsync([_hello with { Cid = wrong }], _cache, CancellationToken.None);

        Assert.Contains($"the lockfile gives CID {wrong}, but the cached file's CID is {HelloV0}", Assert.Single(result.Failures).ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_missing_from_the_cache_is_an_error_naming_it_before_anything_is_sent()
    {
        var missing = new LockEntry("pool/main/x/x/x_1_all.deb", Sha256Digest.FromBytes(SHA256.HashData("not cached"u8)));

        var error = await Assert.ThrowsAsync<ReproGetException>(
            () => Pusher(UnixFsImportOptions.KuboDefault).PushAsync([_hello, missing], _cache, CancellationToken.None));

        Assert.Contains("1 of 2 files to push are not in the cache", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing.Name, error.Message, StringComparison.Ordinal);
        Assert.Contains("repro-get download", error.Hint, StringComparison.Ordinal);
        Assert.Empty(_rpc.Requests);
    }

    [Fact]
    public async Task The_gateway_port_instead_of_the_API_gives_a_hint()
    {
        var rpc = new KuboRpcClient(_client, new KuboApiAddress(new Uri(_rpc.BaseUrl + "/wrong/"), "--api"));

        var error = await Assert.ThrowsAsync<ReproGetException>(() => rpc.VersionAsync(CancellationToken.None));

        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
        Assert.Contains("not the gateway", error.Hint, StringComparison.Ordinal);
    }

    private IpfsPusher Pusher(UnixFsImportOptions options) =>
        new(new KuboRpcClient(_client, new KuboApiAddress(new Uri(_rpc.BaseUrl + "/"), "test")), options, 2, _log);
}
