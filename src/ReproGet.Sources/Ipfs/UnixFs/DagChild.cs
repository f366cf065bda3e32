using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>A finished node as its parent links it: CID, Tsize (encoded bytes of the subtree) and file bytes below it.</summary>
internal readonly record struct DagChild(Cid Cid, ulong Tsize, ulong FileSize);
