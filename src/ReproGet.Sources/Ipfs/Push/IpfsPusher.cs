using System.Collections.Concurrent;
using System.Text;
using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.Rpc;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Push;

/// <summary>
/// <c>repro-get ipfs push</c>: adds each locked blob from the cache to an IPFS node (pinned), in parallel. The CID is
/// computed here first and the node's answer must equal it: a node that disagrees is an error, never a new truth.
/// Entries that already carry a CID are checked (the cached bytes must give that CID, the node should pin it), not
/// uploaded again.
/// </summary>
public sealed class IpfsPusher(KuboRpcClient rpc, UnixFsImportOptions options, int jobs, IStatusLog log)
{
    public async Task<IpfsPushResult> PushAsync(IReadOnlyList<LockEntry> entries, ContentCache cache, CancellationToken cancellationToken)
    {
        var blobs = entries.GroupBy(e => e.Sha256).Select(g => g.OrderBy(e => e.Cid is null).ThenBy(e => e.Name, StringComparer.Ordinal).First())
            .OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        RequireCached(blobs.Where(e => e.Cid is null).ToList(), cache);
        var version = await rpc.VersionAsync(cancellationToken).ConfigureAwait(false);
        log.Debug($"IPFS node at {rpc.Api.BaseUrl} (from {rpc.Api.Origin}), version {version}");
        var outcomes = new ConcurrentBag<IpfsPushOutcome>();
        var failures = new ConcurrentBag<string>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(blobs, parallel, async (entry, ct) =>
        {
            try
            {
                var outcome = entry.Cid is null
                    ? await UploadAsync(entry, cache, ct).ConfigureAwait(false)
                    : await CheckAsync(entry, Cid.Parse(entry.Cid), cache, ct).ConfigureAwait(false);
                outcomes.Add(outcome);
            }
            catch (Exception e) when (e is ReproGetException or IOException or UnauthorizedAccessException)
            {
                failures.Add($"{entry.Name} (sha256 {entry.Sha256.Hex}): {e.Message}");
            }
        }).ConfigureAwait(false);
        return new IpfsPushResult([.. outcomes.OrderBy(o => o.Name, StringComparer.Ordinal)], [.. failures.Order(StringComparer.Ordinal)]);
    }

    private async Task<IpfsPushOutcome> UploadAsync(LockEntry entry, ContentCache cache, CancellationToken cancellationToken)
    {
        var path = cache.BlobPath(entry.Sha256);
        var local = await UnixFsImporter.ComputeFileAsync(path, options, sink: null, cancellationToken).ConfigureAwait(false);
        var remote = await rpc.AddAsync(path, entry.Basename, options, cancellationToken).ConfigureAwait(false);
        if (!remote.Equals(local))
        {
            throw new ReproGetException($"the IPFS node at {rpc.Api.BaseUrl} answered CID {remote}, but the file's CID is {local}; "
                + "not recording the node's answer", "the node may use other add settings (chunker, raw leaves, CID version) or be faulty");
        }
        log.Info($"pushed {entry.Name}: /ipfs/{local}");
        return new IpfsPushOutcome(entry.Sha256, entry.Name, local, Uploaded: true);
    }

    private async Task<IpfsPushOutcome> CheckAsync(LockEntry entry, Cid locked, ContentCache cache, CancellationToken cancellationToken)
    {
        if (cache.Contains(entry.Sha256))
        {
            var path = cache.BlobPath(entry.Sha256);
            var computed = new List<Cid>();
            foreach (var layout in LayoutsFor(locked))
            {
                computed.Add(await UnixFsImporter.ComputeFileAsync(path, layout, sink: null, cancellationToken).ConfigureAwait(false));
                if (computed[^1].Equals(locked))
                {
                    break;
                }
            }
            if (!computed[^1].Equals(locked))
            {
                throw new ReproGetException($"the lockfile gives CID {locked}, but the cached file's CID is {string.Join(" or ", computed)}",
                    "the /ipfs/ line is wrong: remove it and push again");
            }
        }
        else
        {
            log.Warn($"{entry.Name}: not in the cache, so its CID {locked} was not checked");
        }
        if (!await rpc.IsPinnedAsync(locked, cancellationToken).ConfigureAwait(false))
        {
            log.Warn($"{entry.Name}: the IPFS node does not pin {locked}; pin it there, or remove the /ipfs/ line and push again");
        }
        log.Debug($"{entry.Name}: already has CID {locked}, not pushed again");
        return new IpfsPushOutcome(entry.Sha256, entry.Name, locked, Uploaded: false);
    }

    /// <summary>The layouts that can have made <paramref name="cid"/>: v0 is Kubo's default; a v1 root is raw-leaf or dag-pb-leaf.</summary>
    private static IEnumerable<UnixFsImportOptions> LayoutsFor(Cid cid) => cid.Version == 0
        ? [UnixFsImportOptions.KuboDefault]
        : cid.Codec == Multicodec.Raw
            ? [UnixFsImportOptions.KuboCidV1]
            : [UnixFsImportOptions.KuboCidV1, UnixFsImportOptions.KuboCidV1 with { RawLeaves = false }];

    private static void RequireCached(IReadOnlyList<LockEntry> entries, ContentCache cache)
    {
        var missing = entries.Where(e => !cache.Contains(e.Sha256)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var list = new StringBuilder($"{missing.Count} of {entries.Count} files to push are not in the cache {cache.Root}:");
        foreach (var entry in missing)
        {
            list.Append("\n  ").Append(entry.Name).Append(" (sha256 ").Append(entry.Sha256.Hex).Append(')');
        }
        throw new ReproGetException(list.ToString(), "fetch them first: repro-get download LOCKFILE… (with the same --cache)");
    }
}
