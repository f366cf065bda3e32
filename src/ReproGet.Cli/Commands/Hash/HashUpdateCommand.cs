using System.CommandLine;
using ReproGet.Core.Operations.Locking;

namespace ReproGet.Cli.Commands.Hash;

internal static class HashUpdateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("SHA256SUMS") { Description = "The lockfile to update in place" };
        var command = new Command("update", """
            Re-lock the packages a lockfile names, at the versions now installed (or the candidates), rewriting it
            in place. Comments, non-package lines and the /ipfs/ lines of hashes still pinned are kept; what
            changed is printed on stderr as 'package: old → new'.

            Example:
              apt-get update && apt-get upgrade -y && repro-get hash update SHA256SUMS-amd64
            """);
        command.Arguments.Add(file);
        var allowMissing = AllowMissingOption.Create();
        command.Options.Add(allowMissing);
        command.SetAction(async (context, cancellationToken) =>
        {
            var result = await UpdateOperation.UpdateAsync(context.Operation, context.ParseResult.GetValue(file)!,
                context.ParseResult.GetValue(allowMissing), cancellationToken).ConfigureAwait(false);
            if (result.Changes.Count == 0)
            {
                context.Log.Info($"no update: \"{result.Path}\" is current");
            }
            foreach (var change in result.Changes)
            {
                context.Log.Info($"{change.Package}: {change.OldVersion ?? "(new)"} → {change.NewVersion ?? "(removed)"}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
