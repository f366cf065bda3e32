using System.Runtime.InteropServices;

namespace ReproGet.Cli;

/// <summary>
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT cancel the run's token instead of killing the process, so every operation
/// unwinds through its own cleanup (temp files deleted, staging folders removed) and the process exits with the
/// shell's convention, 128 + the signal's number (130 for SIGINT, 143 for SIGTERM). Replaces System.CommandLine's
/// handler, which returns 143 after its 2 s timeout while the command still runs (then nothing is cleaned up) and
/// cannot tell the command which signal came.
/// A second signal, or a run that has not stopped <see cref="Grace"/> after the first, exits at once after removing
/// the temp files still registered in <see cref="Core.Files.TemporaryPaths"/>: a stop within 2 s is promised.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    /// <summary>How long the run may take to unwind after a signal before the process exits anyway.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(1500);

    private readonly CancellationTokenSource _cancel = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Action<string> _report;
    private int _signal;
    private Timer? _watchdog;

    private TerminationSignals(Action<string> report)
    {
        _report = report;
        foreach (var (signal, number) in Handled)
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Received(number, context.Signal);
            }));
        }
    }

    private static readonly (PosixSignal Signal, int Number)[] Handled =
    [
        (PosixSignal.SIGINT, 2), (PosixSignal.SIGTERM, 15), (PosixSignal.SIGHUP, 1), (PosixSignal.SIGQUIT, 3),
    ];

    /// <summary>The exit code of the run that the first signal stopped (128 + its number), or null before any.</summary>
    public static int? InterruptedExitCode => s_current is { _signal: > 0 } current ? 128 + current._signal : null;

    private static TerminationSignals? s_current;

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Takes over the signals for this process; <paramref name="report"/> writes one status line.</summary>
    public static TerminationSignals Register(Action<string> report) => s_current = new TerminationSignals(report);

    private void Received(int number, PosixSignal signal)
    {
        if (Interlocked.CompareExchange(ref _signal, number, 0) != 0)
        {
            ExitNow($"{signal} again: stopping at once");
            return;
        }
        _watchdog = new Timer(_ => ExitNow($"the run did not stop within {Grace.TotalSeconds:0.#} s of {signal}: stopping at once"),
            null, Grace, Timeout.InfiniteTimeSpan);
        _cancel.Cancel();
    }

    private void ExitNow(string why)
    {
        _report(why);
        Core.Files.TemporaryPaths.RemoveAll();
        Environment.Exit(128 + _signal);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _watchdog?.Dispose();
        _cancel.Dispose();
        s_current = null;
    }
}
