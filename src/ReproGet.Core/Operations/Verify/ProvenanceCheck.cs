using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Verify;

/// <summary>
/// <c>verify</c>'s provenance check, and <c>install</c>'s before the package tool runs: the plugin's
/// <see cref="IProvenanceVerifier"/> over cached blobs, offline. The caller fetches <see cref="Needed"/> first.
/// </summary>
public static class ProvenanceCheck
{
    public const string Name = "provenance";

    public static IReadOnlyList<LockEntry> Needed(IDistro distro, IReadOnlyList<LockEntry> entries) =>
        distro.Provenance is { } verifier ? verifier.Needed(distro, entries) : [];

    public static async Task<VerifyReport> RunAsync(IDistro distro, DistroContext context, ContentCache cache, IReadOnlyList<LockEntry> entries,
        IReadOnlyList<string> keyrings, bool requireProven, CancellationToken cancellationToken)
    {
        var verifier = distro.Provenance ?? throw new NotSupportedByDistroException(distro.Name, "verify");
        cache.RequireCached(verifier.Needed(distro, entries), "verify");
        var rows = await verifier.VerifyAsync(context, new ProvenanceRequest(entries, cache.BlobPath, keyrings), cancellationToken).ConfigureAwait(false);
        return new VerifyReport(rows, requireProven);
    }
}
