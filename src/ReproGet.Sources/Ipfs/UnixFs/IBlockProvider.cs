using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>
/// Hands out blocks by CID: from a CAR being streamed, from a gateway one block at a time, from a file. Providers
/// need not be trusted: <see cref="UnixFsFileStream"/> checks every block against the CID it asked for.
/// </summary>
public interface IBlockProvider
{
    /// <summary>Where the blocks come from, for messages (a URL, a file).</summary>
    string Origin { get; }

    /// <summary>What to try when a block from here does not match its CID.</summary>
    string CorruptionHint => "the gateway served altered or wrong data; use another gateway";

    ValueTask<byte[]> GetBlockAsync(Cid cid, CancellationToken cancellationToken);
}
