using System.CommandLine;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Locking;

namespace ReproGet.Cli.Commands.Hash;

internal static class HashGenerateCommand
{
    public static Command Create()
    {
        var packages = new Argument<string[]>("PACKAGE") { Description = "Packages to lock (default: every installed package)", Arity = ArgumentArity.ZeroOrMore };
        var dedupe = new Option<string?>("--dedupe") { Description = "Leave out files that this lockfile already pins (e.g. the base image's)" };
        var command = new Command("generate", """
            Write SHA256SUMS lines (sorted by name) for the installed package files, read from the package
            manager's own databases and indexes. Installed packages are locked at their installed version; a named
            package that is not installed gets its candidate version.

            Example:
              repro-get hash generate > SHA256SUMS-base
              apt-get install -y hello
              repro-get hash generate --dedupe SHA256SUMS-base > SHA256SUMS-amd64
            """);
        command.Arguments.Add(packages);
        command.Options.Add(dedupe);
        var allowMissing = AllowMissingOption.Create();
        command.Options.Add(allowMissing);
        var noProvenance = NoProvenanceOption.Create();
        command.Options.Add(noProvenance);
        command.SetAction(async (context, cancellationToken) =>
        {
            var request = new LockRequest(context.ParseResult.GetValue(packages) ?? [], context.ParseResult.GetValue(allowMissing))
            {
                DedupeAgainst = context.ParseResult.GetValue(dedupe),
                Provenance = !context.ParseResult.GetValue(noProvenance),
            };
            var locked = await LockOperation.LockAsync(context.Operation, request, cancellationToken).ConfigureAwait(false);
            context.Output.Write(Sha256SumsWriter.Format(locked));
            return ExitCodes.Success;
        });
        return command;
    }
}
