using System.CommandLine;
using ReproGet.Core.Cache;

namespace ReproGet.Cli.Commands.Cache;

internal static class CacheCleanCommand
{
    public static Command Create()
    {
        var command = new Command("clean", """
            Delete every blob and record in the cache (waits for other repro-get processes using it).

            Example:
              repro-get --cache ./cache cache clean
            """);
        command.SetAction((context, _) =>
        {
            context.Log.Info($"removing the contents of \"{context.CacheRoot}\"");
            ContentCache.Clean(context.CacheRoot);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
