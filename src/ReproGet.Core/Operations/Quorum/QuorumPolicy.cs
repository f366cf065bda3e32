namespace ReproGet.Core.Operations.Quorum;

/// <summary>
/// The rebuilder quorum a run enforces: the pinned rebuilders, how many of them must attest each Debian/Arch package,
/// and the packages let through without (known not to reproduce).
/// </summary>
public sealed record QuorumPolicy(IReadOnlyList<RebuilderConfig> Rebuilders, int Threshold, IReadOnlySet<string> Allowed);
