using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.Tests.Support;
using ReproGet.Sources.Ipfs.UnixFs;
using ReproGet.TestKit;

namespace ReproGet.Sources.Ipfs.Tests.Car;

public sealed class CarTests
{
    private static byte[] NeofetchHead => File.ReadAllBytes(FixturePath.Get("ipfs", "debs", "neofetch_7.1.0-2_all.deb"))[..5000];

    [Fact]
    public async Task Our_CAR_of_a_one_block_file_equals_js_ipfs_dag_export_byte_for_byte()
    {
        var expected = File.ReadAllBytes(FixturePath.Get("ipfs", "hello_2.10-2_amd64.deb.car"));
        var output = new MemoryStream();
        var root = Cid.Parse("QmRY19HEWeTJtRC6vAdz7rDfX3PjSMgXmd1KYi9guAACUj");
        var writer = CarWriter.Start(output, [root]);

        await using var deb = File.OpenRead(FixturePath.Get("ipfs", "debs", "hello_2.10-2_amd64.deb"));
        Assert.Equal(root, await UnixFsImporter.ComputeAsync(deb, UnixFsImportOptions.KuboDefault, writer, CancellationToken.None));

        Assert.Equal(expected, output.ToArray());
    }

    [Theory]
    [InlineData("neofetch-head5000-chunk1024.v0.car", "QmUveHCa8iUh4f1WCwNh2hqPzRiSgiN64TUQgJK7vxhkbb", 0)]
    [InlineData("neofetch-head5000-chunk1024.v1.car", "bafybeifaqgqd6q3l5oxno2rjd2swmmum4xxcmrgptrra4hht6y53b7vajy", 1)]
    public async Task A_js_ipfs_CAR_of_a_chunked_file_reads_verifies_and_rebuilds_the_file(string fixture, string root, int version)
    {
        await using var car = File.OpenRead(FixturePath.Get("ipfs", fixture));
        var reader = new CarReader(car, fixture);

        var roots = await reader.ReadHeaderAsync(CancellationToken.None);
        var store = new MemoryBlockStore();
        while (await reader.ReadBlockAsync(CancellationToken.None) is { } block)
        {
            BlockHash.Verify(block.Cid, block.Data, fixture);
            store.Put(block.Cid, block.Data);
        }

        Assert.Equal([Cid.Parse(root)], roots);
        Assert.Equal(6, store.Count); // five 1 KiB leaves (the last one 904 bytes) and the root
        await using var file = await UnixFsFileStream.OpenAsync(roots[0], store, CancellationToken.None);
        Assert.Equal(5000, file.FileSize);
        var rebuilt = new MemoryStream();
        await file.CopyToAsync(rebuilt);
        Assert.Equal(NeofetchHead, rebuilt.ToArray());
        // Our importer, told the same chunk size, names the same DAG.
        var options = UnixFsImportOptions.ForCidVersion(version) with { ChunkSize = 1024 };
        Assert.Equal(roots[0], await UnixFsImporter.ComputeAsync(new MemoryStream(NeofetchHead), options, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_CAR_written_by_us_reads_back_with_the_same_roots_and_blocks_once_each()
    {
        var content = new byte[600_000]; // zeros: three identical leaves, the last one shorter
        var output = new MemoryStream();
        var sink = new MemoryBlockStore();
        var root = await UnixFsImporter.ComputeAsync(new MemoryStream(content), UnixFsImportOptions.KuboCidV1, sink, CancellationToken.None);
        var writer = CarWriter.Start(output, [root]);
        await UnixFsImporter.ComputeAsync(new MemoryStream(content), UnixFsImportOptions.KuboCidV1, writer, CancellationToken.None);
        output.Position = 0;
        var reader = new CarReader(output, "ours");

        Assert.Equal([root], await reader.ReadHeaderAsync(CancellationToken.None));
        var cids = new List<Cid>();
        while (await reader.ReadBlockAsync(CancellationToken.None) is { } block)
        {
            BlockHash.Verify(block.Cid, block.Data, "ours");
            cids.Add(block.Cid);
        }
        Assert.Equal(3, cids.Count); // a full zero leaf, the short last leaf, the root: the repeated leaf is written once
        Assert.Equal(root, cids[^1]);
        Assert.Equal(3, writer.BlockCount);
        Assert.Equal(sink.Count, cids.Count);
    }

    [Fact]
    public async Task A_truncated_CAR_is_an_error_naming_it()
    {
        var bytes = File.ReadAllBytes(FixturePath.Get("ipfs", "hello_2.10-2_amd64.deb.car"))[..^100];
        var reader = new CarReader(new MemoryStream(bytes), "cut.car");
        await reader.ReadHeaderAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<IpfsFormatException>(() => reader.ReadBlockAsync(CancellationToken.None));

        Assert.Contains("cut.car: the stream ends inside a section (truncated CAR)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x0a, 0xa2, 0x65, (byte)'r', (byte)'o', (byte)'o', (byte)'t', (byte)'s', 0x80, 0x67, (byte)'v' }, "not a CARv1 header")]
    [InlineData(new byte[] { 0x01, 0x00 }, "not a CARv1 header")]
    [InlineData(new byte[] { 0x00 }, "not a CARv1")]
    [InlineData(new byte[] { }, "empty, not a CAR")]
    public async Task Garbage_is_no_CAR_header(byte[] bytes, string message)
    {
        var reader = new CarReader(new MemoryStream(bytes), "x.car");

        var error = await Assert.ThrowsAsync<IpfsFormatException>(() => reader.ReadHeaderAsync(CancellationToken.None));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CARv2_style_header_version_is_refused_with_a_hint()
    {
        var header = CarHeader.Encode([]);
        header[^1] = 2; // "version": 2

        var error = Assert.Throws<IpfsFormatException>(() => CarHeader.Decode(header, "v2.car"));

        Assert.Contains("CAR version 2 is not supported", error.Message, StringComparison.Ordinal);
    }
}
