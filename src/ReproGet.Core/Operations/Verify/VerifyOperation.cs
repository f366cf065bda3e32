using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Fetching;

namespace ReproGet.Core.Operations.Verify;

/// <summary>What <c>verify</c> asked for: the keys to trust (empty: the root's), the policy on unproven entries, and whether it may fetch.</summary>
public sealed record VerifyOptions(IReadOnlyList<string> Keyrings, bool RequireProvenance, bool Offline);

/// <summary>The report (null when fetching what the checks read failed: then <see cref="Fetch"/> says why).</summary>
public sealed record VerifyResult(VerifyReport? Report, FetchReport? Fetch);

/// <summary>
/// <c>verify</c>: the files the checks read (Debian: the chain) are fetched when missing (unless offline), then each
/// check adds its rows, offline. The provenance check is the first; others (quorum) add theirs to the same report.
/// </summary>
public static class VerifyOperation
{
    public static async Task<VerifyResult> VerifyAsync(OperationContext context, IReadOnlyList<LockEntry> entries, VerifyOptions options,
        CancellationToken cancellationToken)
    {
        var distro = context.Distro;
        var cache = context.Cache.Open();
        var missing = ProvenanceCheck.Needed(distro, entries).Where(e => !cache.Contains(e.Sha256)).ToList();
        FetchReport? fetch = null;
        if (!options.Offline && missing.Count > 0)
        {
            fetch = await FetchOperation.FetchAsync(context, missing, cancellationToken).ConfigureAwait(false);
            if (!fetch.IsComplete)
            {
                return new VerifyResult(null, fetch);
            }
        }
        var report = await ProvenanceCheck.RunAsync(distro, context.DistroContext, cache, entries, options.Keyrings, options.RequireProvenance,
            cancellationToken).ConfigureAwait(false);
        return new VerifyResult(report, fetch);
    }
}
