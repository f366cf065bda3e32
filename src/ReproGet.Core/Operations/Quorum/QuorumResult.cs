using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Quorum;

/// <summary>The quorum check of a lock: every checked package's verdicts; refused packages must not be installed.</summary>
public sealed record QuorumResult(int Threshold, IReadOnlyList<PackageQuorum> Packages, IReadOnlyList<LockEntry> NotChecked)
{
    public IReadOnlyList<PackageQuorum> Refused => [.. Packages.Where(p => !p.Passes(Threshold))];

    public bool Passed => Refused.Count == 0;
}
