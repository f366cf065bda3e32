namespace ReproGet.Core.Operations.Verify;

/// <summary>How <c>install</c> treats provenance: the keyrings to trust (empty: the root's) and whether a lock without a chain is refused.</summary>
public sealed record ProvenancePolicy(IReadOnlyList<string> Keyrings, bool Require)
{
    public static ProvenancePolicy Default { get; } = new([], false);
}
