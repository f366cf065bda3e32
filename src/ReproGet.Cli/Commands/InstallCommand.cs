using System.CommandLine;
using ReproGet.Cli.Commands.Rebuilder;
using ReproGet.Cli.Output;
using ReproGet.Core.Operations.Installing;
using ReproGet.Core.Operations.Verify;

namespace ReproGet.Cli.Commands;

internal static class InstallCommand
{
    public static Command Create()
    {
        var lockfiles = LockfileArguments.Create();
        var command = new Command("install", """
            Install exactly the package files of the lockfiles with the distro's own tool. Packages already installed
            at the locked version are skipped; the rest are fetched in parallel, verified, and installed in one
            transaction. Nothing is installed unless every file was fetched and verified.

            Example:
              repro-get install SHA256SUMS-amd64
              repro-get --root /srv/chroot --provider 'file:///mnt/cache/{{.Basename}}' install SHA256SUMS-amd64
            """);
        command.Arguments.Add(lockfiles);
        command.Options.Add(Verify.VerifyCommand.RequireProvenance);
        command.Options.Add(Verify.VerifyCommand.Keyring);
        FetchOptionsBinder.AddTo(command);
        RebuilderOptions.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            var entries = LockfileArguments.Read(context, lockfiles);
            var provenance = new ProvenancePolicy(context.ParseResult.GetValue(Verify.VerifyCommand.Keyring) ?? [],
                context.ParseResult.GetValue(Verify.VerifyCommand.RequireProvenance));
            var result = await InstallOperation.InstallAsync(context.Operation, entries, cancellationToken, provenance, RebuilderOptions.Bind(context))
                .ConfigureAwait(false);
            FetchReportText.ThrowIfIncomplete(result.Fetch);
            if (result.Installed.Count == 0)
            {
                context.Log.Info($"nothing to install: all {result.Packages.Count} packages are installed at the locked versions");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
