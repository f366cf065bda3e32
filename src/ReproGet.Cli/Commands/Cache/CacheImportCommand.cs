using System.CommandLine;
using ReproGet.Cli.Commands.Ipfs;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.CacheTransfer;

namespace ReproGet.Cli.Commands.Cache;

internal static class CacheImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or directories (recursively) to import", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", """
            Import files into the cache under their SHA-256, printing '<sha256>  <basename>' for each. Relative paths
            work. Only regular files are imported; a symlink to one is imported under the link's name (symlinked
            directories are not followed). Every path that cannot be imported (a FIFO, socket, device or dangling
            symlink among them) is reported and makes the exit code 1. A FILE.car (CARv1) is imported as the files its
            roots hold, every block checked against its CID. A directory written by `bundle` is imported as the cache
            it carries: each blobs/sha256/<hex> must hash to its name, and the rebuilder attestations it lists are
            recorded again, so `verify --offline` re-checks the quorum with no network.

            Example:
              repro-get cache import ./debs
              repro-get cache import debs.car
              repro-get cache import bundle/ && repro-get verify --offline --threshold 2 --rebuilder … SHA256SUMS-amd64
            """);
        command.Arguments.Add(paths);
        command.SetAction(async (context, cancellationToken) =>
        {
            var report = await CacheImportOperation.ImportAsync(context.Operation, SourceCatalog.CarFiles(),
                context.ParseResult.GetValue(paths) ?? [], cancellationToken).ConfigureAwait(false);
            IpfsCarCommand.WriteCidLines(context, report.FromCars);
            foreach (var item in report.Files.Imported.OrderBy(i => i.Basename, StringComparer.Ordinal))
            {
                context.Output.WriteLine(NameEscaping.DataLine(item.Sha256.Hex, item.Basename));
            }
            if (report.Attestations > 0)
            {
                context.Log.Info($"recorded {report.Attestations} rebuilder attestations from bundles");
            }
            foreach (var error in report.Files.Errors)
            {
                context.Log.Error(error);
            }
            return report.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
