using System.CommandLine;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Pushing;
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
            var files = (context.ParseResult.GetValue(lockfiles) ?? []).Select(f => new Lockfile(f, Sha256SumsReader.ReadFiles([f], epoch))).ToList();
            var address = KuboApiAddress.Resolve(context.ParseResult.GetValue(api), CommandContext.Environment);
            var parallel = Math.Max(1, context.ParseResult.GetValue(jobs));
            var rpc = new KuboRpcClient(SourceCatalog.CreateHttpClient(new FetchOptions { PerHost = parallel }), address);
            var pusher = new IpfsPusher(rpc, UnixFsLayoutOptions.Bind(context.ParseResult), parallel, context.Log);
            var report = await IpfsPushOperation.PushAsync(context.Operation, pusher, files, append: !context.ParseResult.GetValue(noAppend),
                cancellationToken).ConfigureAwait(false);
            foreach (var line in report.Lockfiles.SelectMany(f => f.Lines).Distinct(StringComparer.Ordinal))
            {
                context.Output.WriteLine(line);
            }
            var result = report.Push;
            context.Log.Info($"{result.Outcomes.Count(o => o.Uploaded)} files pushed to {report.Node}, "
                + $"{result.Outcomes.Count(o => !o.Uploaded)} already had a CID, {result.Failures.Count} failed");
            if (result.Failures.Count > 0)
            {
                throw new ReproGetException($"could not push {result.Failures.Count} files:{string.Concat(result.Failures.Select(f => $"\n  {f}"))}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
