using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Fetching;
using ReproGet.Core.Operations.Quorum;

namespace ReproGet.Core.Operations.Verify;

/// <summary>
/// What <c>verify</c> asked for: the keys to trust (empty: the root's), the policy on unproven entries, whether it may
/// fetch, and the rebuilder quorum to check (offline: from the attestations in the cache).
/// </summary>
public sealed record VerifyOptions(IReadOnlyList<string> Keyrings, bool RequireProvenance, bool Offline, QuorumPolicy? Quorum = null);

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
        // A distro without signatures (none) can still be checked against the rebuilder quorum.
        if (options.Quorum is not null && distro.Provenance is null)
        {
            return new VerifyResult(await WithQuorumAsync(context, entries, options, new VerifyReport([], options.RequireProvenance), cancellationToken)
                .ConfigureAwait(false), null);
        }
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
        return new VerifyResult(await WithQuorumAsync(context, entries, options, report, cancellationToken).ConfigureAwait(false), fetch);
    }

    private static async Task<VerifyReport> WithQuorumAsync(OperationContext context, IReadOnlyList<LockEntry> entries, VerifyOptions options,
        VerifyReport report, CancellationToken cancellationToken)
    {
        if (options.Quorum is not { } quorum)
        {
            return report;
        }
        var result = await QuorumOperation.CheckAsync(context, entries, quorum, options.Offline ? QuorumCheck.Mode.Offline : QuorumCheck.Mode.Online,
            cancellationToken).ConfigureAwait(false);
        return report.With(QuorumRows.For(result));
    }
}
