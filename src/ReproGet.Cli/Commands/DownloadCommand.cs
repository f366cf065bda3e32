using System.CommandLine;
using ReproGet.Cli.Commands.Rebuilder;
using ReproGet.Core.Operations.Quorum;

namespace ReproGet.Cli.Commands;

public static class DownloadCommand
{
    public static Command Create()
    {
        var lockfiles = LockfileArguments.Create();
        var command = new Command("download", """
            Fetch every file of the lockfiles into the cache, verified by SHA-256, without installing.
            Providers are tried in order for each file; files already cached are not fetched again.

            Example:
              repro-get download --provider 'http://HOST/by-hash/{{.SHA256}}' SHA256SUMS-amd64
            """);
        command.Arguments.Add(lockfiles);
        FetchOptionsBinder.AddTo(command);
        RebuilderOptions.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            var entries = LockfileArguments.Read(context, lockfiles);
            using var cache = context.OpenCache();
            await RebuilderOptions.EnforceAsync(context, cache, entries, QuorumCheck.Mode.Online, cancellationToken).ConfigureAwait(false);
            await FetchRunner.FetchAsync(context, cache, entries, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
