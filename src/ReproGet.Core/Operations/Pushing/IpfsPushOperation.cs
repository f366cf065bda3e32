using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Pushing;

/// <summary>A lockfile and its entries, as read once by the caller (with the run's SOURCE_DATE_EPOCH).</summary>
public sealed record Lockfile(string Path, IReadOnlyList<LockEntry> Entries);

/// <summary>The new <c>&lt;sha256&gt;  /ipfs/&lt;CID&gt;</c> lines of one lockfile (appended to it unless asked not to).</summary>
public sealed record LockfileCidLines(string Path, IReadOnlyList<string> Lines);

/// <summary>What <c>ipfs push</c> did: the push itself, and each lockfile's new CID lines.</summary>
public sealed record IpfsPushReport(string Node, IpfsPushResult Push, IReadOnlyList<LockfileCidLines> Lockfiles);

/// <summary>
/// <c>ipfs push</c>: every blob of the lockfiles goes to the node once; each lockfile gets a CID line for each of its
/// files that had none (in name order, one per hash), appended unless <paramref name="append"/> is false. Lines are
/// appended for what was pushed even when other files failed: the report says which.
/// </summary>
public static class IpfsPushOperation
{
    public static async Task<IpfsPushReport> PushAsync(OperationContext context, IIpfsPusher pusher, IReadOnlyList<Lockfile> lockfiles,
        bool append, CancellationToken cancellationToken)
    {
        var result = await pusher.PushAsync([.. lockfiles.SelectMany(f => f.Entries)], context.Cache.Open(), cancellationToken)
            .ConfigureAwait(false);
        var known = result.Outcomes.ToDictionary(o => o.Entry.Sha256, o => o.Cid);
        var written = new List<LockfileCidLines>();
        foreach (var lockfile in lockfiles)
        {
            List<string> lines =
            [
                .. lockfile.Entries.Where(e => e.Cid is null && known.ContainsKey(e.Sha256))
                    .OrderBy(e => e.Name, StringComparer.Ordinal)
                    .Select(e => e.Sha256)
                    .Distinct()
                    .Select(sha => Sha256SumsWriter.IpfsLine(sha, known[sha])),
            ];
            if (append)
            {
                LockfileAppender.Append(lockfile.Path, lines);
            }
            written.Add(new LockfileCidLines(lockfile.Path, lines));
        }
        return new IpfsPushReport(pusher.Node, result, written);
    }
}
