using System.CommandLine;
using ReproGet.Cli.Commands.Ipfs;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.CacheTransfer;

namespace ReproGet.Cli.Commands.Cache;

internal static class CacheExportCommand
{
    public static Command Create()
    {
        var targets = new Argument<string[]>("DIR | SHA256SUMS")
        {
            Description = "The directory to copy the blobs into (created if missing); with --car, the lockfiles to bundle",
            Arity = ArgumentArity.OneOrMore,
        };
        var car = new Option<string?>("--car") { Description = "Write the locked files as one CARv1 FILE instead (roots: their CIDs)" };
        var command = new Command("export", """
            Copy every cached blob into DIR under its original base name, printing '<sha256>  <basename>' for each.
            Existing files are never overwritten. With --car FILE, write the files of the given lockfiles as one CARv1
            of their IPFS DAGs instead (the same as `ipfs car export`).

            Example:
              repro-get cache export /mnt/cache
              repro-get cache export --car debs.car SHA256SUMS-amd64
            """);
        command.Arguments.Add(targets);
        command.Options.Add(car);
        command.SetAction(async (context, cancellationToken) =>
        {
            var arguments = context.ParseResult.GetValue(targets) ?? [];
            if (context.ParseResult.GetValue(car) is { } carPath)
            {
                var entries = Sha256SumsReader.ReadFiles(arguments, CommandContext.Environment(LockfileEpoch.EnvironmentVariable));
                await IpfsCarCommand.ExportAsync(context, SourceCatalog.CarFiles(), carPath, entries, cancellationToken)
                    .ConfigureAwait(false);
                return ExitCodes.Success;
            }
            if (arguments.Length != 1)
            {
                throw new ReproGetException("cache export takes one directory", "to bundle lockfiles as a CAR, pass --car FILE");
            }
            var result = await CacheExportOperation.ExportAsync(context.Operation, arguments[0], cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Exported.OrderBy(i => i.Basename, StringComparer.Ordinal))
            {
                context.Output.WriteLine(NameEscaping.DataLine(item.Blob.Sha256.Hex, item.Basename));
            }
            foreach (var skipped in result.Skipped)
            {
                context.Log.Warn(skipped);
            }
            foreach (var corrupt in result.Corrupt)
            {
                context.Log.Error(corrupt);
            }
            return result.Corrupt.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
