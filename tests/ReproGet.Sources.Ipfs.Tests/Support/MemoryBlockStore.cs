using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Tests.Support;

/// <summary>The blocks of DAGs made by our importer, kept in memory: a block sink, a provider, and a gateway backend.</summary>
public sealed class MemoryBlockStore : IBlockSink, IBlockProvider, IGatewayBackend
{
    private readonly Dictionary<string, (Cid Cid, byte[] Block)> _blocks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public string Origin => "memory";

    public int Count => _blocks.Count;

    /// <summary>Alters a block on its way out (the store keeps the original).</summary>
    public Func<Cid, byte[], byte[]>? Tamper { get; set; }

    /// <summary>Imports <paramref name="content"/> with <paramref name="options"/>; returns its root CID.</summary>
    public async Task<Cid> AddAsync(byte[] content, UnixFsImportOptions options)
    {
        var root = await UnixFsImporter.ComputeAsync(new MemoryStream(content), options, this, CancellationToken.None);
        _files[Key(root)] = content;
        return root;
    }

    public void Put(Cid cid, ReadOnlySpan<byte> block) => _blocks[Key(cid)] = (cid, block.ToArray());

    public void Put(Cid cid, byte[] block) => _blocks[Key(cid)] = (cid, block);

    public ValueTask<byte[]> GetBlockAsync(Cid cid, CancellationToken cancellationToken)
    {
        var (_, block) = _blocks.TryGetValue(Key(cid), out var found)
            ? found
            : throw new KeyNotFoundException($"no block {cid} in the memory store");
        return ValueTask.FromResult(Tamper?.Invoke(cid, (byte[])block.Clone()) ?? (byte[])block.Clone());
    }

    public Task<byte[]?> BlockAsync(Cid cid) =>
        Task.FromResult(_blocks.TryGetValue(Key(cid), out var found) ? found.Block : null);

    /// <summary>Every block of the DAG under <paramref name="root"/> in depth-first order, repeats included.</summary>
    public Task<IReadOnlyList<(Cid Cid, byte[] Block)>> DepthFirstAsync(Cid root)
    {
        var order = new List<(Cid, byte[])>();
        Walk(root, order);
        return Task.FromResult<IReadOnlyList<(Cid, byte[])>>(order);
    }

    public Task<byte[]?> FileAsync(Cid root) => Task.FromResult(_files.GetValueOrDefault(Key(root)));

    public Task<Stream?> VerbatimCarAsync(Cid root) => Task.FromResult<Stream?>(null);

    private void Walk(Cid cid, List<(Cid, byte[])> order)
    {
        var (stored, block) = _blocks[Key(cid)];
        order.Add((stored, block));
        if (cid.Codec == Multicodec.DagPb)
        {
            foreach (var link in DagPbNode.Decode(block, "memory").Links)
            {
                Walk(link.Hash, order);
            }
        }
    }

    private static string Key(Cid cid) => Convert.ToBase64String(cid.Multihash);
}
