using ReproGet.Core.Hashing;

namespace ReproGet.Core.Operations.Quorum;

public enum RebuilderVerdictKind
{
    /// <summary>A link signed by the pinned key names the locked sha256 among its products.</summary>
    Attests,

    /// <summary>A link signed by the pinned key names a different sha256: the rebuilder got other bytes.</summary>
    Disagrees,

    /// <summary>The instance has no (attested) build of this package version.</summary>
    NoRecord,

    /// <summary>The instance could not be asked (connection, status, malformed answer).</summary>
    Unreachable,

    /// <summary>Attestations were served, but none is signed by the pinned key (forged, or the key is wrong): ignored.</summary>
    BadSignature,
}

/// <summary>What one rebuilder says about one locked package.</summary>
public sealed record RebuilderVerdict(string Rebuilder, RebuilderVerdictKind Kind, string? Detail = null, Sha256Digest? Attestation = null);
