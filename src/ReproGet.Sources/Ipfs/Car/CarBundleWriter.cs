using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Core.Files;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Car;

/// <summary>
/// Writes one CARv1 holding the UnixFS DAGs of locked blobs, roots = their CIDs: the bundle a deterministic VM or
/// <c>ipfs dag import</c> takes. A blob whose lock entry has a CID is laid out so it gets exactly that CID; the
/// others get <paramref name="options"/>. The CIDs go in the header, so they are computed in a first pass; the
/// blocks are written in a second, each DAG checked to give the same root again.
/// </summary>
public sealed class CarBundleWriter(ContentCache cache, UnixFsImportOptions options)
{
    public async Task<IReadOnlyList<LockEntry>> WriteAsync(string carPath, IReadOnlyList<LockEntry> entries, CancellationToken cancellationToken)
    {
        var blobs = LockedBlobs.Distinct(entries);
        cache.RequireCached(blobs, "bundle");
        var planned = new List<(LockEntry Entry, UnixFsImportOptions Layout, Cid Cid)>();
        foreach (var entry in blobs)
        {
            planned.Add(await PlanAsync(entry, cancellationToken).ConfigureAwait(false));
        }
        var temp = carPath + $".{Guid.NewGuid():N}.tmp";
        using var tracked = TemporaryPaths.Track(temp);
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                var writer = CarWriter.Start(output, [.. planned.Select(p => p.Cid)]);
                foreach (var (entry, layout, cid) in planned)
                {
                    Cid written;
                    await using (var blob = cache.OpenVerified(entry.Sha256))
                    {
                        written = await UnixFsImporter.ComputeAsync(blob, layout, writer, cancellationToken).ConfigureAwait(false);
                    }
                    if (!written.Equals(cid))
                    {
                        throw new ReproGetException($"{entry.Name} changed in the cache while it was bundled ({cid}, then {written})");
                    }
                }
                output.Flush(flushToDisk: true);
            }
            File.Move(temp, carPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        return [.. planned.Select(p => p.Entry with { Cid = p.Cid.ToString() })];
    }

    private async Task<(LockEntry, UnixFsImportOptions, Cid)> PlanAsync(LockEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Cid is null)
        {
            await using var blob = cache.OpenVerified(entry.Sha256);
            return (entry, options, await UnixFsImporter.ComputeAsync(blob, options, sink: null, cancellationToken).ConfigureAwait(false));
        }
        var locked = Cid.Parse(entry.Cid);
        var (layout, computed) = await UnixFsImporter.FindLayoutAsync(() => cache.OpenVerified(entry.Sha256), locked, cancellationToken)
            .ConfigureAwait(false);
        return layout is not null
            ? (entry, layout, locked)
            : throw new ReproGetException($"{entry.Name}: the lockfile gives CID {locked}, but the cached file's CID is {string.Join(" or ", computed)}",
                "the /ipfs/ line is wrong: remove it, or fix it with repro-get ipfs push");
    }
}
