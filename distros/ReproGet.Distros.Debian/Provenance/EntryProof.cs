using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>How one locked package entry stands against the lock's chain.</summary>
public enum ProofStatus
{
    /// <summary>Every link holds: a signed InRelease lists an index that lists this file with this hash.</summary>
    Verified,

    /// <summary>The lock carries no chain for this entry.</summary>
    Unproven,

    /// <summary>A link is broken (<see cref="EntryProof.BrokenLink"/>, <see cref="EntryProof.Reason"/>).</summary>
    Failed,
}

/// <summary>The verdict for one entry: for a verified one, who signed, which suite and Release date, and through which index.</summary>
public sealed record EntryProof(string Name, Sha256Digest Sha256, ProofStatus Status)
{
    public ReleaseSigner? Signer { get; init; }
    public string? Suite { get; init; }
    public DateTimeOffset? ReleaseDate { get; init; }
    public string? Index { get; init; }
    public ChainLink? BrokenLink { get; init; }
    public string? Reason { get; init; }
}
