using System.CommandLine;
using ReproGet.Core.Errors;

namespace ReproGet.Cli;

/// <summary>Runs a command body and turns any failure into one clear line on stderr and exit code 1.</summary>
internal static class CommandRunner
{
    public static void SetAction(this Command command, Func<CommandContext, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var context = new CommandContext(parseResult);
            try
            {
                try
                {
                    return await body(context, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    // The live progress line is cleared before any error is printed.
                    context.Dispose();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Log.Error("interrupted; nothing partial was left");
                // 128 + the signal's number, as shells report a process the signal ended; 130 (SIGINT) in-process.
                return TerminationSignals.InterruptedExitCode ?? ExitCodes.Interrupted;
            }
            catch (ReproGetException e)
            {
                Report(context, e, e.Hint);
                return ExitCodes.Failure;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Report(context, e, null);
                return ExitCodes.Failure;
            }
        });

    private static void Report(CommandContext context, Exception e, string? hint)
    {
        context.Log.Error(e.Message);
        if (hint is not null)
        {
            context.Log.Hint(hint);
        }
        context.Log.Debug(e.ToString());
    }
}
