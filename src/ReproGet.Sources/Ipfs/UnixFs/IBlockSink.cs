using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>Receives every block of a DAG as it is built, children before their parents (a CAR writer, a test).</summary>
public interface IBlockSink
{
    void Put(Cid cid, ReadOnlySpan<byte> block);
}
