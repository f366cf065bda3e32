using System.Globalization;
using ReproGet.Core.Cache;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Pushing;

/// <summary>What <c>oci push</c> did: the pusher's result, how many files the artifact has, and how long it took.</summary>
public sealed record OciPushReport(string Target, ArtifactPushResult Push, int Files, TimeSpan Elapsed);

/// <summary>
/// <c>oci push</c>: every file of the lockfiles, from the cache, as one artifact (one layer per file, titled with its
/// base name, or its full name when two base names clash), annotated with the lock's time as ORAS records <c>created</c>.
/// </summary>
public static class OciPushOperation
{
    public static async Task<OciPushReport> PushAsync(OperationContext context, IArtifactPusher pusher, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken)
    {
        var files = CachedFiles(context.Cache.Open(), entries);
        var started = context.Time.GetTimestamp();
        var result = await pusher.PushAsync(files, Annotations(entries), cancellationToken).ConfigureAwait(false);
        return new OciPushReport(pusher.Target, result, files.Count, context.Time.GetElapsedTime(started));
    }

    private static List<ArtifactFile> CachedFiles(ContentCache cache, IReadOnlyList<LockEntry> entries)
    {
        cache.RequireCached(entries, "push");
        var clashing = entries.GroupBy(e => e.Basename).Where(g => g.Select(e => e.Sha256).Distinct().Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. entries.Select(e => new ArtifactFile(clashing.Contains(e.Basename) ? e.Name : e.Basename, e.Sha256,
                new FileInfo(cache.BlobPath(e.Sha256)).Length, () => cache.OpenVerified(e.Sha256))),
        ];
    }

    /// <summary>When the lock was made (SOURCE_DATE_EPOCH, else the lockfile's time).</summary>
    private static List<KeyValuePair<string, string>> Annotations(IReadOnlyList<LockEntry> entries)
    {
        var epoch = entries.Select(e => e.Epoch).Where(e => e is not null).Max();
        return epoch is { } time
            ? [new("org.opencontainers.image.created", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))]
            : [];
    }
}
