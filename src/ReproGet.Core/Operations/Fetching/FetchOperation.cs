using ReproGet.Core.Cache;
using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Quorum;

namespace ReproGet.Core.Operations.Fetching;

/// <summary>
/// <c>download</c>, and the fetch step of <c>install</c> and <c>bundle</c>: brings entries into the cache from the
/// providers, verified by SHA-256. A file no provider had is a failed outcome in the report, not an exception.
/// </summary>
public static class FetchOperation
{
    /// <summary>
    /// <c>download</c>: with a <paramref name="quorum"/>, every Debian/Arch package must pass it before a byte is
    /// fetched (<see cref="QuorumNotMetException"/> otherwise); then <see cref="FetchAsync"/>.
    /// </summary>
    public static async Task<FetchReport> DownloadAsync(OperationContext context, IReadOnlyList<LockEntry> entries, QuorumPolicy? quorum,
        CancellationToken cancellationToken)
    {
        if (quorum is not null)
        {
            await QuorumOperation.EnforceAsync(context, entries, quorum, cancellationToken).ConfigureAwait(false);
        }
        return await FetchAsync(context, entries, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<FetchReport> FetchAsync(OperationContext context, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken)
    {
        // One transfer per blob: callers may list a file twice (Alpine's packages are their own provenance proof), and
        // two parallel transfers of one digest would fetch it twice.
        entries = [.. entries.DistinctBy(e => e.Sha256)];
        var providers = context.Providers;
        var cache = context.Cache.Open();
        var started = context.Time.GetTimestamp();
        context.Progress.FetchStarting(entries.Count);
        var fetcher = new Fetcher(cache, context.Sources, context.FetchOptions with { Time = context.Time }, context.Progress,
            context.Resilience);
        var items = await WithExpectedSizesAsync(context, cache, entries, cancellationToken).ConfigureAwait(false);
        var outcomes = await fetcher.FetchAsync(items, providers, cancellationToken).ConfigureAwait(false);
        var report = new FetchReport(outcomes, context.Time.GetElapsedTime(started));
        context.Progress.FetchFinished(report);
        return report;
    }

    // Each file's bound is its real size where the plugin's indexes state it, else --max-file-size. An index that
    // cannot be read costs the bound, never the fetch.
    private static async Task<List<FetchItem>> WithExpectedSizesAsync(OperationContext context, ContentCache cache, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken)
    {
        var missing = entries.Where(e => !cache.Contains(e.Sha256)).ToList();
        IReadOnlyDictionary<Sha256Digest, long> sizes = new Dictionary<Sha256Digest, long>();
        if (missing.Count > 0 && context.Distro.Sizes is { } index)
        {
            try
            {
                sizes = await index.FindAsync(context.DistroContext, missing, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                context.Log.Debug($"the expected sizes of the files could not be read ({e.Message}); --max-file-size bounds them");
            }
        }
        return [.. entries.Select(e => new FetchItem(e, sizes.TryGetValue(e.Sha256, out var size) ? size : null))];
    }
}
