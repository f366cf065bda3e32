using ReproGet.Core.Hashing;
using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>
/// Turns one chunk into a leaf: a raw block (the chunk itself), or a dag-pb node wrapping it in UnixFS File data.
/// The dag-pb frame is hashed around the chunk where it lies; the block is only assembled when a sink wants it.
/// </summary>
internal sealed class UnixFsLeafEncoder(UnixFsImportOptions options) : IDisposable
{
    private readonly Sha256Hasher _hasher = Sha256Hasher.Create();
    private (int Length, byte[] Header, byte[] Trailer) _frame = (-1, [], []);

    public DagChild Encode(ReadOnlySpan<byte> chunk, IBlockSink? sink)
    {
        if (options.RawLeaves)
        {
            _hasher.Append(chunk);
            var rawCid = Cid.FromSha256(1, Multicodec.Raw, Digest());
            sink?.Put(rawCid, chunk);
            return new DagChild(rawCid, (ulong)chunk.Length, (ulong)chunk.Length);
        }
        var (header, trailer) = Frame(chunk.Length);
        _hasher.Append(header);
        _hasher.Append(chunk);
        _hasher.Append(trailer);
        var cid = Cid.FromSha256(options.CidVersion, Multicodec.DagPb, Digest());
        var blockLength = header.Length + chunk.Length + trailer.Length;
        if (sink is not null)
        {
            var block = new byte[blockLength];
            header.CopyTo(block, 0);
            chunk.CopyTo(block.AsSpan(header.Length));
            trailer.CopyTo(block, header.Length + chunk.Length);
            sink.Put(cid, block);
        }
        return new DagChild(cid, (ulong)blockLength, (ulong)chunk.Length);
    }

    public void Dispose() => _hasher.Dispose();

    private byte[] Digest() => Convert.FromHexString(_hasher.Finish().Hex);

    private (byte[] Header, byte[] Trailer) Frame(int length)
    {
        // Every chunk but the last has the same length, so one frame serves nearly all of them.
        if (_frame.Length != length)
        {
            var (header, trailer) = UnixFsData.EncodeLeafFrame(length);
            _frame = (length, header, trailer);
        }
        return (_frame.Header, _frame.Trailer);
    }
}
