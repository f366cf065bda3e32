using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Car;

/// <summary>
/// Writes a CARv1: the header, then one section per block, <c>varint(len) CID block</c>. A block already written
/// (a repeated chunk, a file locked twice) is written once.
/// </summary>
public sealed class CarWriter : IBlockSink
{
    private readonly Stream _output;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    private CarWriter(Stream output) => _output = output;

    public long BlockCount { get; private set; }

    public static CarWriter Start(Stream output, IReadOnlyList<Cid> roots)
    {
        var header = CarHeader.Encode(roots);
        output.Write(Varint.Encode((ulong)header.Length));
        output.Write(header);
        return new CarWriter(output);
    }

    public void Put(Cid cid, ReadOnlySpan<byte> block)
    {
        var bytes = cid.ToBytes();
        if (!_written.Add(Convert.ToBase64String(bytes)))
        {
            return;
        }
        _output.Write(Varint.Encode((ulong)(bytes.Length + block.Length)));
        _output.Write(bytes);
        _output.Write(block);
        BlockCount++;
    }
}
