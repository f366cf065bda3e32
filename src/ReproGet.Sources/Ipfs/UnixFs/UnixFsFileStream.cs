using System.Globalization;
using ReproGet.Core.Fetching;
using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>
/// The bytes of a UnixFS file, rebuilt from its DAG in depth-first order while the blocks arrive. Each block is
/// checked against the CID its verified parent (or the caller, for the root) names before any of it is used, so
/// a lying source is caught at the first altered block. Memory: one block plus the links of one node per level.
/// </summary>
public sealed class UnixFsFileStream : ReadOnlyStream
{
    private const int MaxDepth = 32;

    private readonly IBlockProvider _blocks;
    private readonly IDisposable? _owner;
    private readonly Stack<Frame> _path = new();
    private byte[] _segment = [];
    private int _segmentOffset;
    private long _produced;
    private int _blockCount;

    private UnixFsFileStream(Cid root, IBlockProvider blocks, IDisposable? owner)
    {
        Root = root;
        _blocks = blocks;
        _owner = owner;
    }

    public Cid Root { get; }

    /// <summary>The file size the root block declares.</summary>
    public long FileSize { get; private set; }

    /// <summary>
    /// Fetches and checks the root block; the rest is fetched as the stream is read. <paramref name="owner"/> (the
    /// connection behind the blocks) is disposed with the stream.
    /// </summary>
    public static async Task<UnixFsFileStream> OpenAsync(Cid root, IBlockProvider blocks, CancellationToken cancellationToken,
        IDisposable? owner = null)
    {
        var stream = new UnixFsFileStream(root, blocks, owner);
        try
        {
            stream.FileSize = await stream.LoadAsync(root, cancellationToken).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_segmentOffset == _segment.Length)
        {
            if (!await NextSegmentAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }
        }
        var count = Math.Min(buffer.Length, _segment.Length - _segmentOffset);
        _segment.AsMemory(_segmentOffset, count).CopyTo(buffer);
        _segmentOffset += count;
        return count;
    }

    private async Task<bool> NextSegmentAsync(CancellationToken cancellationToken)
    {
        while (_path.Count > 0)
        {
            var frame = _path.Peek();
            if (frame.Next == frame.Links.Count)
            {
                _path.Pop();
                continue;
            }
            var link = frame.Links[frame.Next++];
            await LoadAsync(link.Hash, cancellationToken).ConfigureAwait(false);
            return true;
        }
        if (_produced != FileSize)
        {
            throw Invalid(Root, $"its blocks hold {_produced} bytes but the root declares {FileSize}");
        }
        return false;
    }

    /// <summary>Fetches, checks and decodes one block; its own data becomes the current segment. Returns the size it declares.</summary>
    private async Task<long> LoadAsync(Cid cid, CancellationToken cancellationToken)
    {
        var block = await _blocks.GetBlockAsync(cid, cancellationToken).ConfigureAwait(false);
        _blockCount++;
        BlockHash.Verify(cid, block, $"{_blocks.Origin} (block {_blockCount.ToString(CultureInfo.InvariantCulture)} of {Root})",
            _blocks.CorruptionHint);
        long declared;
        if (cid.Codec == Multicodec.Raw)
        {
            SetSegment(block);
            declared = block.Length;
        }
        else if (cid.Codec == Multicodec.DagPb)
        {
            var what = $"block {cid} from {_blocks.Origin}";
            var node = DagPbNode.Decode(block, what);
            var data = UnixFsData.Decode(node.Data ?? throw Invalid(cid, "a dag-pb node without UnixFS data"), what);
            if (data.Type is not (UnixFsType.File or UnixFsType.Raw))
            {
                throw Invalid(cid, $"it is a UnixFS {data.Type.ToString().ToLowerInvariant()}, not a file");
            }
            SetSegment(data.Data);
            if (node.Links.Count > 0)
            {
                if (_path.Count == MaxDepth)
                {
                    throw Invalid(cid, $"the DAG is deeper than {MaxDepth} levels");
                }
                _path.Push(new Frame(node.Links));
            }
            declared = (long)(data.FileSize ?? (ulong)data.Data.Length);
        }
        else
        {
            throw Invalid(cid, $"codec {Multicodec.Name(cid.Codec)} is not part of a UnixFS file");
        }
        return declared;
    }

    private void SetSegment(byte[] data)
    {
        _segment = data;
        _segmentOffset = 0;
        _produced += data.Length;
        if (FileSize > 0 && _produced > FileSize)
        {
            throw Invalid(Root, $"its blocks hold more than the {FileSize} bytes the root declares");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _owner?.Dispose();
        }
        base.Dispose(disposing);
    }

    private IpfsFormatException Invalid(Cid cid, string problem) =>
        new($"{cid} from {_blocks.Origin} is not a valid UnixFS file: {problem}");

    private sealed class Frame(IReadOnlyList<DagPbLink> links)
    {
        public IReadOnlyList<DagPbLink> Links { get; } = links;

        public int Next { get; set; }
    }
}
