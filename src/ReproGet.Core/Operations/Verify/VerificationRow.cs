using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Verify;

/// <summary>
/// One check's verdict on one lock entry. Checks add rows of their own <see cref="Check"/> name ("provenance",
/// "quorum", …) to one <see cref="VerifyReport"/>; <see cref="Details"/> carries what a reader needs (signer
/// fingerprint and uid, suite, Release date; or the broken link and why), in insertion order.
/// </summary>
public sealed record VerificationRow(LockEntry Entry, string Check, VerificationStatus Status, string Summary)
{
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];
}
