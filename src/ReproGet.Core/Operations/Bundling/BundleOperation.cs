using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Files;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Fetching;

namespace ReproGet.Core.Operations.Bundling;

/// <summary>
/// What <c>bundle</c> did: the files it bundled, what <see cref="BundleWriter"/> wrote (null when a fetch failed and
/// nothing was written), and the fetch of the files that were not cached (null when all were).
/// </summary>
public sealed record BundleResult(IReadOnlyList<LockEntry> Files, BundleWriter.Result? Written, FetchReport? Fetch);

/// <summary><c>bundle</c>: the files the plugin needs, fetched when not cached, written as an offline install bundle.</summary>
public static class BundleOperation
{
    /// <param name="alsoWrite">Adds files (the CAR of <c>--car</c>) to the staged bundle before it is published.</param>
    public static async Task<BundleResult> BundleAsync(OperationContext context, IReadOnlyList<LockEntry> entries,
        IReadOnlyList<string> lockfiles, string directory, Func<SafeOutputFolder, Task>? alsoWrite, CancellationToken cancellationToken,
        IReadOnlyList<string>? keyrings = null)
    {
        var distro = context.Distro;
        var installer = distro.Bundle ?? throw new NotSupportedByDistroException(distro.Name, "bundle");
        var files = entries.Where(e => distro.Classify(e) is EntryRole.Package or EntryRole.Auxiliary).ToList();
        // The signature chain travels in the bundle beside the packages, for install.sh to check with gpgv.
        var proofs = entries.Where(e => distro.Classify(e) == EntryRole.Proof).ToList();
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
            : new BundleWriter.Provenance(proofs, [.. files.Where(e => distro.Classify(e) == EntryRole.Package)],
                verifier.BundleKeyrings(context.DistroContext, keyrings ?? []));
        try
        {
            return new BundleResult(files, await BundleWriter.WriteAsync(cache, files, lockfiles, installer, directory, provenance, alsoWrite, cancellationToken)
                .ConfigureAwait(false), fetch);
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
            return new BundleResult(files, await BundleWriter.WriteAsync(cache, files, lockfiles, installer, directory, provenance, alsoWrite, cancellationToken)
                .ConfigureAwait(false), fetch);
        }
    }
}
