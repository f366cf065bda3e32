using System.Collections.Concurrent;
using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Pushing;
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
public sealed class IpfsPusher(KuboRpcClient rpc, UnixFsImportOptions options, int jobs, IStatusLog log) : IIpfsPusher
{
    public string Node => rpc.Api.BaseUrl.ToString();

    public async Task<IpfsPushResult> PushAsync(IReadOnlyList<LockEntry> entries, ContentCache cache, CancellationToken cancellationToken)
    {
        var blobs = LockedBlobs.Distinct(entries);
        cache.RequireCached([.. blobs.Where(e => e.Cid is null)], "push");
        var version = await rpc.VersionAsync(cancellationToken).ConfigureAwait(false);
        log.Debug($"IPFS node at {rpc.Api.BaseUrl} (from {rpc.Api.Origin}), version {version}");
        var outcomes = new ConcurrentBag<IpfsPushed>();
        var failures = new ConcurrentBag<IpfsPushFailure>();
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
                failures.Add(new IpfsPushFailure(entry, e.Message));
            }
        }).ConfigureAwait(false);
        return new IpfsPushResult([.. outcomes.OrderBy(o => o.Entry.Name, StringComparer.Ordinal)], [.. failures.OrderBy(f => f.Entry.Name, StringComparer.Ordinal)]);
    }

    private async Task<IpfsPushed> UploadAsync(LockEntry entry, ContentCache cache, CancellationToken cancellationToken)
    {
        Cid local;
        await using (var blob = cache.OpenVerified(entry.Sha256))
        {
            local = await UnixFsImporter.ComputeAsync(blob, options, sink: null, cancellationToken).ConfigureAwait(false);
        }
        // Read (and verified) again as it is sent: the node gets the bytes the CID was computed from, or an aborted upload.
        Cid remote;
        await using (var blob = cache.OpenVerified(entry.Sha256))
        {
            remote = await rpc.AddAsync(blob, entry.Basename, options, cancellationToken).ConfigureAwait(false);
        }
        if (!remote.Equals(local))
        {
            throw new ReproGetException($"the IPFS node at {rpc.Api.BaseUrl} answered CID {remote}, but the file's CID is {local}; "
                + "not recording the node's answer", "the node may use other add settings (chunker, raw leaves, CID version) or be faulty");
        }
        log.Info($"pushed {entry.Name}: /ipfs/{local}");
        return new IpfsPushed(entry with { Cid = local.ToString() }, Uploaded: true);
    }

    private async Task<IpfsPushed> CheckAsync(LockEntry entry, Cid locked, ContentCache cache, CancellationToken cancellationToken)
    {
        if (cache.Contains(entry.Sha256))
        {
            var (layout, computed) = await UnixFsImporter.FindLayoutAsync(() => cache.OpenVerified(entry.Sha256), locked, cancellationToken)
                .ConfigureAwait(false);
            if (layout is null)
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
        return new IpfsPushed(entry with { Cid = locked.ToString() }, Uploaded: false);
    }
}
