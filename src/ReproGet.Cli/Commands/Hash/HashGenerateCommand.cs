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
        var report = new Option<string?>("--report")
        {
            Description = "Write every package left out of the lock to FILE, one 'package<TAB>reason' line each",
            HelpName = "FILE",
        };
        command.Options.Add(report);
        var snapshotBase = new Option<string>("--snapshot-base")
        {
            Description = "The snapshot archive where installed versions that apt's lists lack are looked up (Debian; trusted only through signed indexes)",
            HelpName = "URL",
            DefaultValueFactory = _ => "http://snapshot.debian.org/",
        };
        var noSnapshot = new Option<bool>("--no-snapshot") { Description = "Do not look up missing versions in the snapshot archive" };
        command.Options.Add(snapshotBase);
        command.Options.Add(noSnapshot);
        command.SetAction(async (context, cancellationToken) =>
        {
            var request = new LockRequest(context.ParseResult.GetValue(packages) ?? [], context.ParseResult.GetValue(allowMissing))
            {
                DedupeAgainst = context.ParseResult.GetValue(dedupe),
                ReportPath = context.ParseResult.GetValue(report),
                SnapshotArchive = context.ParseResult.GetValue(noSnapshot) ? null : context.ParseResult.GetValue(snapshotBase),
            };
            var locked = await LockOperation.LockAsync(context.Operation, request, cancellationToken).ConfigureAwait(false);
            context.Output.Write(Sha256SumsWriter.Format(locked));
            return ExitCodes.Success;
        });
        return command;
    }
}
