using System.CommandLine;
using ReproGet.Cli.Output;
using ReproGet.Core.Operations.Installing;

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
        FetchOptionsBinder.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            var entries = LockfileArguments.Read(context, lockfiles);
            var result = await InstallOperation.InstallAsync(context.Operation, entries, cancellationToken).ConfigureAwait(false);
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
