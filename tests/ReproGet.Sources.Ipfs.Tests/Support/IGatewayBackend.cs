using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.Tests.Support;

/// <summary>Where <see cref="TrustlessGateway"/> gets its data: our own blocks in memory, or a real IPFS node.</summary>
public interface IGatewayBackend
{
    Task<byte[]?> BlockAsync(Cid cid);

    /// <summary>The DAG's blocks in depth-first order (repeats included), for CARs the gateway assembles itself.</summary>
    Task<IReadOnlyList<(Cid Cid, byte[] Block)>> DepthFirstAsync(Cid root);

    /// <summary>A CAR made by the backend itself (a real node's <c>dag export</c>), or null when it makes none.</summary>
    Task<Stream?> VerbatimCarAsync(Cid root);

    /// <summary>The file's plain bytes, or null when unknown.</summary>
    Task<byte[]?> FileAsync(Cid root);
}
