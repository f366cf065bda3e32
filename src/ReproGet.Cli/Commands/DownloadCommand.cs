using System.CommandLine;
using ReproGet.Cli.Commands.Rebuilder;
using ReproGet.Cli.Output;
using ReproGet.Core.Operations.Fetching;

namespace ReproGet.Cli.Commands;

internal static class DownloadCommand
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
            var report = await FetchOperation.DownloadAsync(context.Operation, entries, RebuilderOptions.Bind(context), cancellationToken)
                .ConfigureAwait(false);
            FetchReportText.ThrowIfIncomplete(report);
            return ExitCodes.Success;
        });
        return command;
    }
}
