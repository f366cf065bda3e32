using System.CommandLine;
using ReproGet.Cli.Output;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Files;
using ReproGet.Core.Operations;
using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Cli.Commands;

public static class BundleCommand
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
        FetchOptionsBinder.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            var entries = LockfileArguments.Read(context, lockfiles);
            var distro = context.Distro;
            var installer = distro.Bundle ?? throw new NotSupportedByDistroException(distro.Name, "bundle");
            var files = entries.Where(e => distro.Classify(e) != EntryRole.NotNeeded).ToList();
            using var cache = context.OpenCache();
            if (files.Any(f => !cache.Contains(f.Sha256)))
            {
                await FetchRunner.FetchAsync(context, cache, files, cancellationToken).ConfigureAwait(false);
            }
            var directory = context.ParseResult.GetValue(output)!;
            var lockfilePaths = context.ParseResult.GetValue(lockfiles)!;
            Func<SafeOutputFolder, Task>? writeCar = context.ParseResult.GetValue(car)
                ? async folder =>
                {
                    var roots = await new CarBundleWriter(cache, UnixFsImportOptions.KuboDefault)
                        .WriteAsync(folder.StagedPath(CarFileName), files, cancellationToken).ConfigureAwait(false);
                    context.Log.Info($"wrote {CarFileName} with {roots.Count} roots");
                }
                : null;
            BundleWriter.Result result;
            try
            {
                result = await BundleWriter.WriteAsync(cache, files, lockfilePaths, installer, directory, writeCar, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (CorruptBlobException e)
            {
                // Removed from the cache already: fetch it again and write the bundle once more (nothing was published).
                context.Log.Warn(e.Message);
                await FetchRunner.FetchAsync(context, cache, files, cancellationToken).ConfigureAwait(false);
                result = await BundleWriter.WriteAsync(cache, files, lockfilePaths, installer, directory, writeCar, cancellationToken)
                    .ConfigureAwait(false);
            }
            context.Log.Info($"wrote {result.Files} files ({ByteSize.Format(result.Bytes)}) and {BundleWriter.ScriptName} to \"{directory}\"");
            return ExitCodes.Success;
        });
        return command;
    }
}
