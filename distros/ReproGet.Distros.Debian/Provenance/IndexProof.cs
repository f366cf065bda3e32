namespace ReproGet.Distros.Debian.Provenance;

/// <summary>The index link of one index file: its scan, the root of its suite (<see cref="ProofName.RootOfInRelease"/>), and the first broken link up to it (null when it holds).</summary>
public sealed record IndexProof(string Name, string? Suite, PackagesIndexScan Scan, ChainLink? BrokenLink, string? Reason)
{
    public bool Holds => BrokenLink is null;
}
