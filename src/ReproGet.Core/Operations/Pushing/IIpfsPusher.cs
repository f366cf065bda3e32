using ReproGet.Core.Cache;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Pushing;

/// <summary>
/// Adds locked blobs from the cache to an IPFS node (pinned) and answers their CIDs: implemented by the sources
/// assembly (Kubo RPC), composed by the caller. Core has no network code.
/// </summary>
public interface IIpfsPusher
{
    /// <summary>The node as people read it (its API base URL).</summary>
    string Node { get; }

    Task<IpfsPushResult> PushAsync(IReadOnlyList<LockEntry> entries, ContentCache cache, CancellationToken cancellationToken);
}

/// <summary>
/// One distinct blob of a push: its lock entry with the CID of its bytes, and whether it was uploaded now (or already
/// had that CID in the lock).
/// </summary>
public sealed record IpfsPushed(LockEntry Entry, bool Uploaded)
{
    public string Cid => Entry.Cid!;
}

/// <summary>A blob that could not be pushed, and why.</summary>
public sealed record IpfsPushFailure(LockEntry Entry, string Reason)
{
    public override string ToString() => $"{Entry.Name} (sha256 {Entry.Sha256.Hex}): {Reason}";
}

/// <summary>Everything a push did: the blobs that went (or were there), in name order, and those that failed.</summary>
public sealed record IpfsPushResult(IReadOnlyList<IpfsPushed> Outcomes, IReadOnlyList<IpfsPushFailure> Failures);
