using System.CommandLine;
using ReproGet.Core.Lockfiles;
using ReproGet.Cli.Commands.Ipfs;
using ReproGet.Core.Cache;

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
            roots hold, every block checked against its CID.

            Example:
              repro-get cache import ./debs
              repro-get cache import debs.car
            """);
        command.Arguments.Add(paths);
        command.SetAction(async (context, cancellationToken) =>
        {
            var all = context.ParseResult.GetValue(paths) ?? [];
            // A CAR bundle is imported as the files it holds, every block checked against its CID.
            var cars = all.Where(p => p.EndsWith(".car", StringComparison.Ordinal) && File.Exists(p)).ToList();
            foreach (var car in cars)
            {
                await IpfsCarCommand.ImportAsync(context, car, [], cancellationToken).ConfigureAwait(false);
            }
            var cache = context.OpenCache();
            var result = await new CacheImporter(cache).ImportAsync(all.Except(cars), cancellationToken)
                .ConfigureAwait(false);
            foreach (var item in result.Imported.OrderBy(i => i.Basename, StringComparer.Ordinal))
            {
                context.Output.WriteLine(NameEscaping.DataLine(item.Sha256.Hex, item.Basename));
            }
            foreach (var error in result.Errors)
            {
                context.Log.Error(error);
            }
            return result.Errors.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
