using ReproGet.Core.Hashing;
using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.Push;

/// <summary>One distinct blob of a push: its CID, and whether it was uploaded now or already had a CID in the lock.</summary>
public sealed record IpfsPushOutcome(Sha256Digest Sha256, string Name, Cid Cid, bool Uploaded);

/// <summary>Everything a push did: the outcomes that succeeded and a line for each blob that failed.</summary>
public sealed record IpfsPushResult(IReadOnlyList<IpfsPushOutcome> Outcomes, IReadOnlyList<string> Failures);
