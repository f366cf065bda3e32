using ReproGet.Core.Hashing;

namespace ReproGet.Core.Errors;

/// <summary>The bytes a source served do not hash to the pinned SHA-256.</summary>
public sealed class DigestMismatchException(string what, Sha256Digest expected, Sha256Digest actual)
    : ReproGetException($"{what}: expected sha256 {expected.Hex}, got {actual.Hex}",
        "the source serves different bytes than the lockfile pins; it is not trusted for this file")
{
    /// <summary>What was being verified: the entry's name and where its bytes came from.</summary>
    public string What { get; } = what;

    public Sha256Digest Expected { get; } = expected;

    public Sha256Digest Actual { get; } = actual;
}
