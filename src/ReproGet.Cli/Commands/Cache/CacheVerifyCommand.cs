using System.CommandLine;
using ReproGet.Core.Cache;

namespace ReproGet.Cli.Commands.Cache;

internal static class CacheVerifyCommand
{
    public static Command Create()
    {
        var command = new Command("verify", """
            Re-hash every cached blob; remove and report any whose bytes no longer match (exit code 1 if any did).
            Also removes temp files that interrupted downloads left more than an hour ago.

            Example:
              repro-get cache verify
            """);
        command.SetAction(async (context, cancellationToken) =>
        {
            var cache = context.OpenCache();
            var result = await new CacheVerifier(cache).VerifyAsync(cancellationToken).ConfigureAwait(false);
            foreach (var corrupt in result.Removed)
            {
                context.Log.Error(corrupt.Problem);
            }
            foreach (var temp in result.StaleTempFiles)
            {
                context.Log.Info($"removed stale temp file {temp}");
            }
            context.Log.Info($"{result.Checked} blobs checked, {result.Removed.Count} corrupt");
            return result.Removed.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
