using System.CommandLine;
using ReproGet.Cli.Output;
using ReproGet.Core.Files;
using ReproGet.Core.Operations;
using ReproGet.Core.Operations.Bundling;
using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Cli.Commands;

internal static class BundleCommand
{
    public const string CarFileName = "blobs.car";

    public static Command Create()
    {
        var lockfiles = LockfileArguments.Create();
        var output = new Option<string>("--output", "-o") { Description = "Directory to write the bundle into", Required = true };
        var command = new Command("bundle", """
            Write an offline install bundle (blobs, lockfiles, install.sh) for a machine where repro-get cannot run.
            For a deterministic VM, a rescue system or a bare image: every file is named by its sha256 under
            blobs/sha256/, next to the lockfiles and a POSIX install.sh that needs only sh, sha256sum and the distro's
            package tool. install.sh verifies every file before installing anything, then installs them in one
            transaction. Files not yet cached are fetched first.

            Example:
              repro-get bundle SHA256SUMS-amd64 -o bundle/ && chroot /target sh /bundle/install.sh
            """);
        command.Arguments.Add(lockfiles);
        command.Options.Add(output);
        var car = new Option<bool>("--car") { Description = $"Also write the files as one CARv1, {CarFileName} (roots: their locked CIDs, else CIDv0)" };
        command.Options.Add(car);
        command.Options.Add(Verify.VerifyCommand.Keyring);
        FetchOptionsBinder.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            var entries = LockfileArguments.Read(context, lockfiles);
            var directory = context.ParseResult.GetValue(output)!;
            // The CAR goes into the same staged folder, published with the rest or not at all.
            Func<SafeOutputFolder, Task>? writeCar = context.ParseResult.GetValue(car)
                ? async folder =>
                {
                    var roots = await new CarBundleWriter(context.OpenCache(), UnixFsImportOptions.KuboDefault)
                        .WriteAsync(folder.StagedPath(CarFileName), entries.Where(e => context.Distro.Classify(e) != Core.Distros.EntryRole.NotNeeded).ToList(),
                            cancellationToken).ConfigureAwait(false);
                    context.Log.Info($"wrote {CarFileName} with {roots.Count} roots");
                }
                : null;
            var bundle = await BundleOperation.BundleAsync(context.Operation, entries, context.ParseResult.GetValue(lockfiles)!,
                directory, writeCar, cancellationToken, context.ParseResult.GetValue(Verify.VerifyCommand.Keyring)).ConfigureAwait(false);
            FetchReportText.ThrowIfIncomplete(bundle.Fetch);
            var result = bundle.Written!;
            context.Log.Info($"wrote {result.Files} files ({ByteSize.Format(result.Bytes)}) and {BundleWriter.ScriptName} to \"{directory}\"");
            return ExitCodes.Success;
        });
        return command;
    }
}
