using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.Car;

/// <summary>One section of a CAR: the CID it claims and the block bytes (not yet verified).</summary>
public sealed record CarBlock(Cid Cid, byte[] Data);
