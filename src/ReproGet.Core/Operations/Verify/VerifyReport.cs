namespace ReproGet.Core.Operations.Verify;

/// <summary>
/// The rows of every check that ran over a lock, in entry order. Nothing failed → success; with
/// <see cref="RequireProven"/> an unproven row is a failure too.
/// </summary>
public sealed record VerifyReport(IReadOnlyList<VerificationRow> Rows, bool RequireProven)
{
    public int Count(VerificationStatus status) => Rows.Count(r => r.Status == status);

    public bool Succeeded => Rows.All(r => r.Status == VerificationStatus.Verified || (r.Status == VerificationStatus.Unproven && !RequireProven));

    /// <summary>A report with more rows (another check's), same policy.</summary>
    public VerifyReport With(IEnumerable<VerificationRow> rows) => this with { Rows = [.. Rows, .. rows] };
}
