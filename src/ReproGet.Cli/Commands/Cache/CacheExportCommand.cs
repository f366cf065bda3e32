using System.CommandLine;
using ReproGet.Core.Cache;

namespace ReproGet.Cli.Commands.Cache;

public static class CacheExportCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "Directory to copy the blobs into (created if missing)" };
        var command = new Command("export", """
            Copy every cached blob into DIR under its original base name, printing '<sha256>  <basename>' for each.
            Existing files are never overwritten.

            Example:
              repro-get cache export /mnt/cache
            """);
        command.Arguments.Add(directory);
        command.SetAction((context, _) =>
        {
            using var cache = context.OpenCache();
            var result = new CacheExporter(cache).Export(context.ParseResult.GetValue(directory)!);
            foreach (var item in result.Exported.OrderBy(i => i.Basename, StringComparer.Ordinal))
            {
                Console.Out.WriteLine($"{item.Blob.Sha256.Hex}  {item.Basename}");
            }
            foreach (var skipped in result.Skipped)
            {
                context.Log.Warn(skipped);
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
