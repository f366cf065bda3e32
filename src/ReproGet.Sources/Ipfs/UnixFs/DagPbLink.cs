using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>
/// A dag-pb link: the child's CID, its name (empty in file DAGs) and Tsize, the encoded size of the child's
/// whole subtree.
/// </summary>
public sealed record DagPbLink(Cid Hash, string Name, ulong Tsize);
