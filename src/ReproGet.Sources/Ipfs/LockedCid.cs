using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs;

/// <summary>A blob's SHA-256 with the CID of the same bytes: one <c>&lt;sha256&gt;  /ipfs/&lt;CID&gt;</c> lockfile line.</summary>
public sealed record LockedCid(Sha256Digest Sha256, string Name, Cid Cid)
{
    public string LockLine => Sha256SumsWriter.IpfsLine(Sha256, Cid.ToString());
}
