using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.Tests.Support;
using ReproGet.Sources.Ipfs.Tests.Vectors;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Tests.UnixFs;

public sealed class UnixFsFileStreamTests
{
    // Tiny chunks and fan-out give a deep tree (100 leaves, 4 links per node: depth 4) from a small input.
    private static readonly UnixFsImportOptions DeepTree = UnixFsImportOptions.KuboDefault with { ChunkSize = 1000, MaxLinks = 4 };

    private readonly byte[] _content = new ChaCha20Stream("stream", 99_500).ToArray();

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1, false)]
    public async Task A_deep_DAG_rebuilds_the_file_in_order(int cidVersion, bool rawLeaves)
    {
        var store = new MemoryBlockStore();
        var root = await store.AddAsync(_content, DeepTree with { CidVersion = cidVersion, RawLeaves = rawLeaves });

        await using var file = await UnixFsFileStream.OpenAsync(root, store, CancellationToken.None);

        Assert.Equal(_content.Length, file.FileSize);
        Assert.Equal(_content, StreamBytes.ReadAll(file));
    }

    [Fact]
    public async Task A_block_served_for_the_wrong_CID_is_refused_with_both_names()
    {
        var store = new MemoryBlockStore();
        var root = await store.AddAsync(_content, DeepTree);
        var blocks = await store.DepthFirstAsync(root);
        var (victim, _) = blocks[^1];
        var impostor = blocks[^2].Block;
        store.Tamper = (cid, block) => cid.HasSameHash(victim) ? impostor : block;
        await using var file = await UnixFsFileStream.OpenAsync(root, store, CancellationToken.None);

        var error = await Assert.ThrowsAsync<IpfsFormatException>(() => file.CopyToAsync(Stream.Null));

        Assert.Contains($"block {victim} from memory (block {blocks.Count} of {root}) does not match its CID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_is_no_file()
    {
        // An empty UnixFS directory node: Data = {Type: Directory}.
        var directory = new DagPbNode([], [0x08, 0x01]).Encode();
        var cid = BlockHash.CidOf(directory, 0, Multicodec.DagPb);
        var store = new MemoryBlockStore();
        store.Put(cid, directory);

        var error = await Assert.ThrowsAsync<IpfsFormatException>(() => UnixFsFileStream.OpenAsync(cid, store, CancellationToken.None));

        Assert.Contains("it is a UnixFS directory, not a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_root_declaring_another_size_than_its_leaves_hold_is_refused()
    {
        var store = new MemoryBlockStore();
        var leaf = await store.AddAsync("twelve bytes"u8.ToArray(), UnixFsImportOptions.KuboCidV1);
        var lying = new DagPbNode([new DagPbLink(leaf, "", 12)], UnixFsData.EncodeFileNode(13, [13])).Encode();
        var root = BlockHash.CidOf(lying, 1, Multicodec.DagPb);
        store.Put(root, lying);
        await using var file = await UnixFsFileStream.OpenAsync(root, store, CancellationToken.None);

        var error = await Assert.ThrowsAsync<IpfsFormatException>(() => file.CopyToAsync(Stream.Null));

        Assert.Contains("its blocks hold 12 bytes but the root declares 13", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_empty_file_is_one_block_and_reads_as_nothing()
    {
        var store = new MemoryBlockStore();
        var root = await store.AddAsync([], UnixFsImportOptions.KuboDefault);

        await using var file = await UnixFsFileStream.OpenAsync(root, store, CancellationToken.None);

        Assert.Equal("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", root.ToString());
        Assert.Equal(0, file.FileSize);
        Assert.Empty(StreamBytes.ReadAll(file));
    }
}
