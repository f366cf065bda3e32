namespace ReproGet.Distros.Debian.Provenance;

/// <summary>Every link of a lock's chain: per suite (signature), per index, per package entry.</summary>
public sealed record ChainReport(IReadOnlyList<SuiteProof> Suites, IReadOnlyList<IndexProof> Indexes, IReadOnlyList<EntryProof> Entries)
{
    public bool HasChain => Suites.Count > 0 || Indexes.Count > 0;
}
