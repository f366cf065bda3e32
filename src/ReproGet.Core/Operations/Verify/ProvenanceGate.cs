using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Verify;

/// <summary>
/// <c>install</c>'s provenance step, before the package tool runs: a lock that carries a chain must verify
/// completely; a lock without one passes unless <c>--require-provenance</c>. The caller fetches <see cref="Needed"/>
/// along with the packages.
/// </summary>
public static class ProvenanceGate
{
    private const int MaxListed = 5;

    public static IReadOnlyList<LockEntry> Needed(IDistro distro, IReadOnlyList<LockEntry> entries) =>
        distro.Provenance is { CheckedByInstaller: true } ? [] : ProvenanceCheck.Needed(distro, entries);

    public static async Task CheckAsync(IDistro distro, DistroContext context, ContentCache cache, IReadOnlyList<LockEntry> entries,
        ProvenancePolicy policy, CancellationToken cancellationToken)
    {
        if (distro.Provenance is { CheckedByInstaller: true })
        {
            context.Log.Debug($"provenance: the {distro.Name} installer checks each package's signature itself");
            return;
        }
        if (Needed(distro, entries).Count == 0)
        {
            if (policy.Require)
            {
                throw new ReproGetException("the lock carries no signature chain: --require-provenance refuses to install it",
                    distro.Provenance is null
                        ? $"the {distro.Name} plugin cannot check provenance"
                        : "lock with `repro-get hash generate` (which writes the dists/… lines), or drop --require-provenance");
            }
            context.Log.Debug("the lock carries no signature chain: installing on sha256 alone");
            return;
        }
        var report = await ProvenanceCheck.RunAsync(distro, context, cache, entries, policy.Keyrings, requireProven: true, cancellationToken).ConfigureAwait(false);
        var bad = report.Rows.Where(r => r.Status != VerificationStatus.Verified).ToList();
        if (bad.Count > 0)
        {
            var listed = string.Join("; ", bad.Take(MaxListed).Select(r => $"{r.Entry.Name}: {r.Summary}"));
            throw new ReproGetException(
                $"provenance check failed for {bad.Count} of {report.Rows.Count} packages, nothing was installed: {listed}{(bad.Count > MaxListed ? $" and {bad.Count - MaxListed} more" : "")}",
                "run `repro-get verify LOCKFILE` for the full report; pass --keyring if the archive key is not the root's");
        }
        context.Log.Info($"provenance: all {report.Rows.Count} packages are listed in signed indexes");
    }
}
