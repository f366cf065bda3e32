using System.Diagnostics;
using System.Globalization;
using ReproGet.Core.Fetching;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations;
using ReproGet.Core.Operations.Fetching;

namespace ReproGet.Cli.Output;

/// <summary>
/// Shows each fetch on stderr: one line per finished file (<c>(003/340) name: downloaded from URL</c>), on a terminal
/// a live last line with overall files, bytes and speed, and at the end the summary line.
/// </summary>
internal sealed class FetchProgressRenderer(ConsoleStatusLog log) : IOperationProgress, IDisposable
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);

    private readonly ConsoleStatusLog _log = log;
    private readonly bool _live = log.IsTerminal;
    private readonly Stopwatch _clock = new();
    private readonly Lock _gate = new();
    private Timer? _timer;
    private int _total;
    private long _bytes;
    private int _done;
    private string _current = "";

    public void FetchStarting(int files)
    {
        _total = files;
        _done = 0;
        Interlocked.Exchange(ref _bytes, 0);
        _clock.Restart();
        _timer = _live ? new Timer(_ => Redraw(), null, RedrawInterval, RedrawInterval) : null;
    }

    public void FetchFinished(FetchReport report)
    {
        StopLiveLine();
        _log.Info(FetchReportText.Summary(report));
    }

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Downloading(LockEntry entry, string redactedUrl, long? totalLength)
    {
        _current = entry.Basename;
        _log.Debug($"{entry.Basename}: downloading from {redactedUrl}"
            + (totalLength is { } length ? $" ({ByteSize.Format(length)})" : ""));
    }

    public void Transferred(LockEntry entry, long bytes) => Interlocked.Add(ref _bytes, bytes);

    public void Retrying(LockEntry entry, string redactedUrl, string reason, TimeSpan delay) =>
        Line($"{entry.Basename}: {reason}; retrying in {delay.TotalSeconds:0.#} s", warn: true);

    public void ProviderFailed(LockEntry entry, string redactedUrl, string reason) =>
        Line($"{entry.Basename}: {reason}", warn: true);

    public void Finished(FetchOutcome outcome)
    {
        var index = Interlocked.Increment(ref _done);
        var counter = string.Create(CultureInfo.InvariantCulture, $"({index:000}/{_total:000})");
        var what = outcome.Status switch
        {
            FetchStatus.Cached => "cached",
            FetchStatus.Downloaded => $"downloaded from {outcome.Provider}",
            _ => "FAILED",
        };
        Line($"{counter} {outcome.Entry.Basename}: {what}", warn: outcome.Status == FetchStatus.Failed);
    }

    public void Dispose() => StopLiveLine();

    private void StopLiveLine()
    {
        _timer?.Dispose();
        _timer = null;
        lock (_gate)
        {
            if (_live)
            {
                _log.Writer.Write("\r\u001b[K");
            }
        }
    }

    private void Line(string message, bool warn)
    {
        lock (_gate)
        {
            if (_live)
            {
                _log.Writer.Write("\r\u001b[K");
            }
            if (warn)
            {
                _log.Warn(message);
            }
            else
            {
                _log.Info(message);
            }
        }
    }

    private void Redraw()
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var status = string.Create(CultureInfo.InvariantCulture,
            $"[{Volatile.Read(ref _done)}/{_total}] {ByteSize.Format(Bytes)} at {ByteSize.Format(Bytes / seconds)}/s {_current}");
        lock (_gate)
        {
            _log.Writer.Write("\r\u001b[K" + (status.Length > 100 ? status[..100] : status));
        }
    }
}
