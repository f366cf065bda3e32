using System.Security.Cryptography;
using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.Tests.Support;
using ReproGet.Sources.Ipfs.Tests.Vectors;
using ReproGet.Sources.Ipfs.UnixFs;
using ReproGet.TestKit;

namespace ReproGet.Sources.Ipfs.Tests.Car;

public sealed class CarBundleTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly List<(LockEntry Entry, byte[] Content)> _files = [];
    private ContentCache _cache = null!;

    public async Task InitializeAsync()
    {
        _cache = ContentCache.Open(_directory.Combine("cache"));
        var hello = File.ReadAllBytes(FixturePath.Get("ipfs", "debs", "hello_2.10-2_amd64.deb"));
        // hello is locked with the raw-leaf CIDv1 the bundle must keep; the big file has no CID yet.
        await AddAsync("pool/main/h/hello/hello_2.10-2_amd64.deb", hello, "bafkreibvwfii53xjyhp3u6mmjqcdatxq6jtjsd4tnji7czkxd3pvgms4xq");
        await AddAsync("data/big.bin", new ChaCha20Stream("bundle", 1_000_000).ToArray(), null);
    }

    public Task DisposeAsync()
    {
        _cache.Dispose();
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_bundle_keeps_locked_CIDs_and_imports_into_a_fresh_cache_identical()
    {
        var car = _directory.Combine("bundle.car");

        var written = await new CarBundleWriter(_cache, UnixFsImportOptions.KuboDefault).WriteAsync(car, Entries(), CancellationToken.None);

        var big = await UnixFsImporter.ComputeAsync(new MemoryStream(_files[1].Content), UnixFsImportOptions.KuboDefault, null, CancellationToken.None);
        Assert.Equal(["bafkreibvwfii53xjyhp3u6mmjqcdatxq6jtjsd4tnji7czkxd3pvgms4xq", big.ToString()],
            written.OrderBy(w => w.Name, StringComparer.Ordinal).Reverse().Select(w => w.Cid!));
        using var fresh = ContentCache.Open(_directory.Combine("fresh"));
        var imported = await new CarBundleImporter(fresh).ImportAsync(car, Entries(), CancellationToken.None);
        Assert.Equal(written.Select(w => (w.Sha256, w.Cid)), imported.Select(i => (i.Sha256, i.Cid)));
        foreach (var (entry, content) in _files)
        {
            Assert.Equal(content, File.ReadAllBytes(fresh.BlobPath(entry.Sha256)));
            Assert.Equal(entry.Basename, fresh.ReadBasename(entry.Sha256));
        }
    }

    [Fact]
    public async Task A_bundle_with_one_altered_byte_is_refused_naming_the_block_and_where_it_is()
    {
        var car = _directory.Combine("bundle.car");
        await new CarBundleWriter(_cache, UnixFsImportOptions.KuboDefault).WriteAsync(car, Entries(), CancellationToken.None);
        var bytes = File.ReadAllBytes(car);
        bytes[bytes.Length / 2] ^= 0x04;
        File.WriteAllBytes(car, bytes);
        using var fresh = ContentCache.Open(_directory.Combine("fresh"));

        var error = await Assert.ThrowsAsync<IpfsFormatException>(() => new CarBundleImporter(fresh).ImportAsync(car, [], CancellationToken.None));

        Assert.Contains($"from {car} (the section ending at byte", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match its CID", error.Message, StringComparison.Ordinal);
        // A local file is not a gateway: the hint names the CAR file (issue 17.11).
        Assert.Contains($"the CAR file {car} is corrupt", error.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("gateway", error.Hint, StringComparison.Ordinal);
        Assert.Empty(fresh.List());
    }

    [Fact]
    public async Task A_root_declaring_more_than_the_size_limit_is_refused_before_writing()
    {
        var car = _directory.Combine("bundle.car");
        await new CarBundleWriter(_cache, UnixFsImportOptions.KuboDefault).WriteAsync(car, Entries(), CancellationToken.None);
        using var fresh = ContentCache.Open(_directory.Combine("fresh"));

        var error = await Assert.ThrowsAsync<IpfsFormatException>(() =>
            new CarBundleImporter(fresh, maxFileSize: 10).ImportAsync(car, [], CancellationToken.None));

        Assert.Contains($"{car}: /ipfs/", error.Message, StringComparison.Ordinal);
        Assert.Contains("more than the limit of 10", error.Message, StringComparison.Ordinal);
        Assert.Empty(fresh.List());
        Assert.Empty(Directory.EnumerateFiles(fresh.BlobDirectory, "*.tmp"));
    }

    [Fact]
    public async Task A_root_whose_file_is_not_the_locked_SHA256_is_refused()
    {
        var car = _directory.Combine("bundle.car");
        await new CarBundleWriter(_cache, UnixFsImportOptions.KuboDefault).WriteAsync(car, Entries(), CancellationToken.None);
        var liar = _files[0].Entry with { Sha256 = Sha256Digest.FromBytes(SHA256.HashData("something else"u8)) };
        using var fresh = ContentCache.Open(_directory.Combine("fresh"));

        await Assert.ThrowsAsync<DigestMismatchException>(() => new CarBundleImporter(fresh).ImportAsync(car, [liar], CancellationToken.None));
    }

    [Fact]
    public async Task A_locked_CID_that_the_cached_file_does_not_give_stops_the_bundle_before_writing()
    {
        var car = _directory.Combine("bundle.car");
        var wrong = _files[0].Entry with { Cid = "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH" };

        var error = await Assert.ThrowsAsync<ReproGetException>(
            () => new CarBundleWriter(_cache, UnixFsImportOptions.KuboDefault).WriteAsync(car, [wrong], CancellationToken.None));

        Assert.Contains("the lockfile gives CID QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(car));
    }

    private List<LockEntry> Entries() => [.. _files.Select(f => f.Entry)];

    private async Task AddAsync(string name, byte[] content, string? cid)
    {
        var path = _directory.WriteFile(Path.GetFileName(name), content);
        await new CacheImporter(_cache).ImportAsync([path], CancellationToken.None);
        _files.Add((new LockEntry(name, Sha256Digest.FromBytes(SHA256.HashData(content)), cid), content));
    }
}
