using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Fetching;
using ReproGet.Core.Operations.Quorum;
using ReproGet.Core.Operations.Verify;

namespace ReproGet.Core.Operations.Installing;

/// <summary>
/// <c>install</c>: the packages of the lockfiles that are not installed at the locked version are fetched (with the
/// signatures that go with them), verified, and installed in one transaction by the plugin. Nothing is installed
/// unless every file was fetched, the rebuilder quorum (when one is set) passed, and the lock's signature chain (when it
/// carries one) verified.
/// </summary>
public static class InstallOperation
{
    public static async Task<InstallResult> InstallAsync(OperationContext context, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken, ProvenancePolicy? provenance = null, QuorumPolicy? quorum = null)
    {
        var distro = context.Distro;
        var installer = distro.Installer ?? throw new NotSupportedByDistroException(distro.Name, "install");
        if (quorum is not null)
        {
            // Before any byte is fetched or installed: a package below the rebuilder quorum stops the whole transaction.
            await QuorumOperation.EnforceAsync(context, entries, quorum, cancellationToken).ConfigureAwait(false);
        }
        var packages = entries.Where(e => distro.Classify(e) == EntryRole.Package).ToList();
        var toInstall = await installer.SelectNotInstalledAsync(context.DistroContext, packages, cancellationToken)
            .ConfigureAwait(false);
        foreach (var skipped in packages.Except(toInstall))
        {
            context.Log.Debug($"{skipped.Basename}: already installed");
        }
        if (toInstall.Count == 0)
        {
            return new InstallResult(packages, [], null);
        }
        var auxiliary = AuxiliaryFor(distro, entries, toInstall);
        var fetch = await FetchOperation.FetchAsync(context, [.. toInstall, .. auxiliary], cancellationToken).ConfigureAwait(false);
        if (!fetch.IsComplete)
        {
            return new InstallResult(packages, [], fetch);
        }
        var cache = context.Cache.Open();
        // The signature chain (when the lock carries one) is checked before the tool runs.
        var policy = provenance ?? ProvenancePolicy.Default;
        var chain = await FetchChainAsync(context, cache, ProvenanceGate.Needed(distro, entries), policy, cancellationToken).ConfigureAwait(false);
        if (chain is { IsComplete: false } && policy.Require)
        {
            return new InstallResult(packages, [], chain);
        }
        if (chain is not { IsComplete: false })
        {
            await ProvenanceGate.CheckAsync(distro, context.DistroContext, cache, entries, policy, cancellationToken).ConfigureAwait(false);
        }
        // The package tool reads private copies, verified as they were made: never the (shared, writable) cache itself.
        // A corrupt blob is removed and fetched again once.
        using var checkout = await BlobCheckout.CheckOutAsync(cache, [.. toInstall, .. auxiliary], async (corrupt, token) =>
        {
            var again = await FetchOperation.FetchAsync(context, corrupt, token).ConfigureAwait(false);
            if (!again.IsComplete)
            {
                throw new ReproGetException($"{corrupt.Count} corrupt cached files could not be fetched again: nothing was installed",
                    "check the providers with `repro-get info`");
            }
        }, context.Log.Warn, cancellationToken).ConfigureAwait(false);
        context.Log.Info($"installing {toInstall.Count} packages ({packages.Count - toInstall.Count} already installed)");
        await installer.InstallAsync(context.DistroContext,
            [.. toInstall.Select(e => new CachedFile(e, checkout.PathOf(e.Sha256)))],
            [.. auxiliary.Select(e => new CachedFile(e, checkout.PathOf(e.Sha256)))],
            cancellationToken).ConfigureAwait(false);
        return new InstallResult(packages, toInstall, fetch);
    }

    // The chain's files travel with the cache (bundle, oci push, cache export), but a distro mirror does not serve the
    // uncompressed indexes apt keeps: without --require-provenance a chain no provider has is a warning, not a refusal.
    private static async Task<FetchReport?> FetchChainAsync(OperationContext context, ContentCache cache, IReadOnlyList<LockEntry> proofs,
        ProvenancePolicy policy, CancellationToken cancellationToken)
    {
        var missing = proofs.Where(p => !cache.Contains(p.Sha256)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }
        var fetch = await FetchOperation.FetchAsync(context, missing, cancellationToken).ConfigureAwait(false);
        if (!fetch.IsComplete && !policy.Require)
        {
            context.Log.Warn($"the lock's signature chain is not checked: {fetch.Failed.Count} of its files could not be fetched "
                + $"(first: {fetch.Failed[0].Entry.Name}); installing on sha256 alone. Carry the chain with the cache "
                + "(bundle, oci push, cache export) and pass --require-provenance to insist on it");
        }
        return fetch;
    }

    // Only the auxiliary files (signatures) of packages that will be installed: the Go tool verified the
    // signatures of skipped packages too, and failed on them.
    private static List<LockEntry> AuxiliaryFor(IDistro distro, IEnumerable<LockEntry> entries, IReadOnlyList<LockEntry> toInstall)
    {
        var names = toInstall.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        return [.. entries.Where(e => distro.Classify(e) == EntryRole.Auxiliary
            && names.Any(n => e.Name.StartsWith(n + ".", StringComparison.Ordinal)))];
    }
}
