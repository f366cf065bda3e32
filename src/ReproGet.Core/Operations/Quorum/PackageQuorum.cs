using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Quorum;

/// <summary>One locked package and every configured rebuilder's verdict on it.</summary>
public sealed record PackageQuorum(LockEntry Entry, IReadOnlyList<RebuilderVerdict> Verdicts, bool Allowed)
{
    /// <summary>Distinct rebuilders whose pinned key attests the locked sha256.</summary>
    public int Attesting => Verdicts.Where(v => v.Kind == RebuilderVerdictKind.Attests).Select(v => v.Rebuilder).Distinct(StringComparer.Ordinal).Count();

    public bool Passes(int threshold) => Allowed || Attesting >= threshold;
}
