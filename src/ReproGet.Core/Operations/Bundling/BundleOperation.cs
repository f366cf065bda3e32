using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Files;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Fetching;
using ReproGet.Core.Operations.Quorum;

namespace ReproGet.Core.Operations.Bundling;

/// <summary>
/// <c>bundle</c>: the files the plugin needs (and its signature chain), fetched when not cached, written as an offline
/// install bundle; with a quorum, checked first and the attestations it used carried along; with a CAR archive, the
/// same files also as <see cref="BundleWriter.CarName"/> in the same staged folder (published together or not at all).
/// </summary>
public static class BundleOperation
{
    public static async Task<BundleResult> BundleAsync(OperationContext context, BundleRequest request, CancellationToken cancellationToken)
    {
        var distro = context.Distro;
        var installer = distro.Bundle ?? throw new NotSupportedByDistroException(distro.Name, "bundle");
        var rules = distro.Entries;
        IReadOnlyList<RebuilderAttestation> attestations = [];
        if (request.Quorum is { } quorum)
        {
            var checkedQuorum = await QuorumOperation.EnforceAsync(context, request.Entries, quorum, cancellationToken).ConfigureAwait(false);
            attestations = RebuilderAttestation.Used(checkedQuorum, quorum.Rebuilders);
        }
        var files = rules.Select(request.Entries, EntryRole.Package, EntryRole.Auxiliary);
        // The signature chain travels in the bundle beside the packages, for install.sh to check with gpgv.
        var proofs = rules.Select(request.Entries, EntryRole.Proof);
        var cache = context.Cache.Open();
        FetchReport? fetch = null;
        if (files.Concat(proofs).Any(f => !cache.Contains(f.Sha256)))
        {
            fetch = await FetchOperation.FetchAsync(context, [.. files, .. proofs], cancellationToken).ConfigureAwait(false);
            if (!fetch.IsComplete)
            {
                return new BundleResult(files, null, fetch);
            }
        }
        var provenance = proofs.Count == 0 || distro.Provenance is not { } verifier ? null
            : new BundleWriter.Provenance(proofs, rules.Select(files, EntryRole.Package), verifier.BundleKeyrings(context.DistroContext, request.Keyrings));
        IReadOnlyList<LockEntry>? car = null;
        Func<SafeOutputFolder, Task>? writeCar = request.Car is not { } archive ? null : async folder =>
            car = await archive.WriteAsync(cache, folder.StagedPath(BundleWriter.CarName), rules.Select(request.Entries, EntryRole.Package,
                EntryRole.Auxiliary, EntryRole.Proof), cancellationToken).ConfigureAwait(false);
        BundleWriter.Result written;
        try
        {
            written = await BundleWriter.WriteAsync(cache, files, request.Lockfiles, installer, request.Directory, provenance, attestations,
                writeCar, cancellationToken).ConfigureAwait(false);
        }
        catch (CorruptBlobException e)
        {
            // Removed from the cache already and nothing was published: fetch it again and write the bundle once more.
            context.Log.Warn(e.Message);
            fetch = await FetchOperation.FetchAsync(context, [.. files, .. proofs], cancellationToken).ConfigureAwait(false);
            if (!fetch.IsComplete)
            {
                return new BundleResult(files, null, fetch);
            }
            written = await BundleWriter.WriteAsync(cache, files, request.Lockfiles, installer, request.Directory, provenance, attestations,
                writeCar, cancellationToken).ConfigureAwait(false);
        }
        return new BundleResult(files, written, fetch) { Car = car, Attestations = attestations.Count };
    }
}
