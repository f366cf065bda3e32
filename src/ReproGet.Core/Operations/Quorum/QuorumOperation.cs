using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Quorum;

/// <summary>
/// The rebuilder quorum as a step of other operations: <see cref="EnforceAsync"/> runs first in fetch, install and
/// bundle (nothing is fetched or installed below the quorum); <see cref="CheckAsync"/> gives <c>verify</c> its rows and
/// <c>rebuilder check</c> its table, online or from the attestations in the cache.
/// </summary>
public static class QuorumOperation
{
    public static Task<QuorumResult> CheckAsync(OperationContext context, IReadOnlyList<LockEntry> entries, QuorumPolicy policy,
        QuorumCheck.Mode mode, CancellationToken cancellationToken)
    {
        var check = new QuorumCheck(context.Cache.Open(), mode == QuorumCheck.Mode.Online ? context.Rebuilders : null, context.Log);
        return check.RunAsync(new QuorumCheck.Request(entries, policy.Rebuilders, policy.Threshold, policy.Allowed, mode), cancellationToken);
    }

    /// <summary>Checks online; throws <see cref="QuorumNotMetException"/> (with the table of refused packages) below the quorum.</summary>
    public static async Task<QuorumResult> EnforceAsync(OperationContext context, IReadOnlyList<LockEntry> entries, QuorumPolicy policy,
        CancellationToken cancellationToken)
    {
        var result = await CheckAsync(context, entries, policy, QuorumCheck.Mode.Online, cancellationToken).ConfigureAwait(false);
        if (!result.Passed)
        {
            throw new QuorumNotMetException(result, policy);
        }
        var allowed = result.Packages.Count(p => p.Allowed && p.Attesting < result.Threshold);
        context.Log.Info($"rebuilder quorum: {result.Packages.Count} packages attested by at least {result.Threshold} rebuilders"
            + (allowed > 0 ? $" ({allowed} allowed without)" : ""));
        return result;
    }
}
