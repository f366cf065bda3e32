using ReproGet.Core.Errors;

namespace ReproGet.Core.Operations.Quorum;

/// <summary>Packages below the rebuilder quorum: the run stopped before anything was fetched or installed. Carries the check.</summary>
public sealed class QuorumNotMetException(QuorumResult result, QuorumPolicy policy) : ReproGetException(
    $"rebuilder quorum not met: {result.Refused.Count} of {result.Packages.Count} packages are attested by fewer than "
    + $"{result.Threshold} rebuilders; nothing was installed\n{QuorumCheck.Table(result, policy.Rebuilders, onlyRefused: true)}",
    "pin more rebuilders, lower --threshold, or let a package known not to reproduce through with --rebuilder-allow PACKAGE")
{
    public QuorumResult Result { get; } = result;
}
