using ReproGet.Core.Operations.Verify;

namespace ReproGet.Core.Operations.Quorum;

/// <summary>The quorum check as <c>verify</c> report rows (check "quorum"), next to the provenance rows.</summary>
public static class QuorumRows
{
    public const string Check = "quorum";

    public static IEnumerable<VerificationRow> For(QuorumResult result) => result.Packages.Select(package =>
    {
        var attesting = package.Verdicts.Where(v => v.Kind == RebuilderVerdictKind.Attests).Select(v => v.Rebuilder);
        var count = $"{package.Attesting}/{result.Threshold} rebuilders attest";
        var (status, summary) = package.Attesting >= result.Threshold
            ? (VerificationStatus.Verified, $"{count}: {string.Join(", ", attesting)}")
            : package.Allowed
                ? (VerificationStatus.Verified, $"{count}; allowed by --rebuilder-allow")
                : (VerificationStatus.Failed, $"{count}; {string.Join("; ", package.Verdicts.Select(v => $"{v.Rebuilder}: {QuorumCheck.Describe(v)}"))}");
        return new VerificationRow(package.Entry, Check, status, summary)
        {
            Details = [.. package.Verdicts.Select(v => new KeyValuePair<string, string>("rebuilder " + v.Rebuilder, QuorumCheck.Describe(v)))],
        };
    });
}
