namespace ReproGet.Core.Operations.Verify;

/// <summary>One check's verdict on one entry.</summary>
public enum VerificationStatus
{
    /// <summary>The check passed.</summary>
    Verified,

    /// <summary>The lock carries nothing this check could use (no chain, no signature): neither good nor bad.</summary>
    Unproven,

    /// <summary>The check ran and failed: the row says which link broke and why.</summary>
    Failed,
}
