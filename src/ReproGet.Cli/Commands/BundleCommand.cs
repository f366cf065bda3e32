using System.CommandLine;
using ReproGet.Cli.Commands.Rebuilder;
using ReproGet.Cli.Output;
using ReproGet.Core.Operations.Bundling;

namespace ReproGet.Cli.Commands;

internal static class BundleCommand
{
    public static Command Create()
    {
        var lockfiles = LockfileArguments.Create();
        var output = new Option<string>("--output", "-o") { Description = "Directory to write the bundle into", Required = true };
        var command = new Command("bundle", """
            Write an offline install bundle (blobs, lockfiles, install.sh) for a machine where repro-get cannot run.
            For a deterministic VM, a rescue system or a bare image: every file is named by its sha256 under
            blobs/sha256/, next to the lockfiles and a POSIX install.sh that needs only sh, sha256sum and the distro's
            package tool. install.sh verifies every file before installing anything, then installs them in one
            transaction. Files not yet cached are fetched first. With a rebuilder quorum (--threshold), every package
            must pass it first, and the attestations it used go into the bundle (attestations.list): `cache import`
            of the bundle, then `verify --offline`, re-checks the quorum with no network.

            Example:
              repro-get bundle SHA256SUMS-amd64 -o bundle/ && chroot /target sh /bundle/install.sh
            """);
        command.Arguments.Add(lockfiles);
        command.Options.Add(output);
        var car = new Option<bool>("--car") { Description = $"Also write the files as one CARv1, {BundleWriter.CarName} (roots: their locked CIDs, else CIDv0)" };
        command.Options.Add(car);
        command.Options.Add(Verify.VerifyCommand.Keyring);
        FetchOptionsBinder.AddTo(command);
        RebuilderOptions.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            var directory = context.ParseResult.GetValue(output)!;
            var request = new BundleRequest(LockfileArguments.Read(context, lockfiles), context.ParseResult.GetValue(lockfiles)!, directory)
            {
                Keyrings = context.ParseResult.GetValue(Verify.VerifyCommand.Keyring) ?? [],
                Car = context.ParseResult.GetValue(car) ? SourceCatalog.CarFiles() : null,
                Quorum = RebuilderOptions.Bind(context),
            };
            var bundle = await BundleOperation.BundleAsync(context.Operation, request, cancellationToken).ConfigureAwait(false);
            FetchReportText.ThrowIfIncomplete(bundle.Fetch);
            var result = bundle.Written!;
            if (bundle.Car is { } roots)
            {
                context.Log.Info($"wrote {BundleWriter.CarName} with {roots.Count} roots");
            }
            context.Log.Info($"wrote {result.Files} files ({ByteSize.Format(result.Bytes)}) and {BundleWriter.ScriptName} to \"{directory}\""
                + (bundle.Attestations > 0 ? $", with {bundle.Attestations} rebuilder attestations" : ""));
            return ExitCodes.Success;
        });
        return command;
    }
}
