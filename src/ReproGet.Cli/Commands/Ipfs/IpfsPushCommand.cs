using System.CommandLine;
using System.Text;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.Push;
using ReproGet.Sources.Ipfs.Rpc;

namespace ReproGet.Cli.Commands.Ipfs;

internal static class IpfsPushCommand
{
    public static Command Create()
    {
        var lockfiles = LockfileArguments.Create();
        var api = new Option<string?>("--api")
        {
            Description = $"Kubo RPC API: a multiaddr (/ip4/127.0.0.1/tcp/5001) or URL (http://HOST:5001) "
                + $"[${KuboApiAddress.EnvironmentVariable}, else $IPFS_PATH/api, else {KuboApiAddress.DefaultAddress}]",
        };
        var noAppend = new Option<bool>("--no-append") { Description = "Only print the '<sha256>  /ipfs/<CID>' lines; leave the lockfiles as they are" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Files uploaded at once", DefaultValueFactory = _ => 4 };
        var command = new Command("push", """
            Add every file of the lockfiles from the cache to an IPFS node (pinned) through its RPC API, and append
            '<sha256>  /ipfs/<CID>' lines to each lockfile (printed on stdout too). The CID is computed here first and
            the node must answer the same one. Entries that already have a CID are checked, not pushed again. Files
            must be in the cache: run `repro-get download` first.

            Example:
              repro-get download SHA256SUMS-amd64
              repro-get ipfs push --api /ip4/127.0.0.1/tcp/5001 SHA256SUMS-amd64
              repro-get download --provider 'http://127.0.0.1:8080/ipfs/{{.CID}}' SHA256SUMS-amd64
            """);
        command.Arguments.Add(lockfiles);
        command.Options.Add(api);
        command.Options.Add(noAppend);
        command.Options.Add(jobs);
        UnixFsLayoutOptions.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            var epoch = CommandContext.Environment(LockfileEpoch.EnvironmentVariable);
            var files = (context.ParseResult.GetValue(lockfiles) ?? []).Select(f => (Path: f, Entries: Sha256SumsReader.ReadFiles([f], epoch))).ToList();
            var address = KuboApiAddress.Resolve(context.ParseResult.GetValue(api), CommandContext.Environment);
            var cache = context.OpenCache();
            var parallel = Math.Max(1, context.ParseResult.GetValue(jobs));
            var rpc = new KuboRpcClient(SourceCatalog.CreateHttpClient(new FetchOptions { PerHost = parallel }), address);
            var pusher = new IpfsPusher(rpc, UnixFsLayoutOptions.Bind(context.ParseResult), parallel, context.Log);
            var result = await pusher.PushAsync([.. files.SelectMany(f => f.Entries)], cache, cancellationToken).ConfigureAwait(false);
            var known = result.Outcomes.ToDictionary(o => o.Sha256, o => o.Cid);
            var printed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, entries) in files)
            {
                var lines = NewCidLines(entries, known);
                foreach (var line in lines.Where(printed.Add))
                {
                    context.Output.WriteLine(line);
                }
                if (!context.ParseResult.GetValue(noAppend))
                {
                    LockfileAppender.Append(path, lines);
                }
            }
            context.Log.Info($"{result.Outcomes.Count(o => o.Uploaded)} files pushed to {address.BaseUrl}, "
                + $"{result.Outcomes.Count(o => !o.Uploaded)} already had a CID, {result.Failures.Count} failed");
            if (result.Failures.Count > 0)
            {
                var text = new StringBuilder($"could not push {result.Failures.Count} files:");
                foreach (var failure in result.Failures)
                {
                    text.Append("\n  ").Append(failure);
                }
                throw new ReproGetException(text.ToString());
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A CID line for each file of this lockfile that has none yet, in name order, one per hash.</summary>
    private static List<string> NewCidLines(IReadOnlyList<LockEntry> entries, Dictionary<Sha256Digest, Cid> known) =>
    [
        .. entries.Where(e => e.Cid is null && known.ContainsKey(e.Sha256))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => e.Sha256)
            .Distinct()
            .Select(sha => Sha256SumsWriter.IpfsLine(sha, known[sha].ToString())),
    ];
}
