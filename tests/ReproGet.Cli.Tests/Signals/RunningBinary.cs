using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ReproGet.Cli.Tests.Signals;

/// <summary>
/// The published repro-get running as a child process this test can signal: its standard error is collected, and
/// <see cref="BytesRead"/> tells from <c>/proc/PID/io</c> how much it has read, so a test signals it while it is busy.
/// </summary>
public sealed class RunningBinary : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private RunningBinary(Process process) => _process = process;

    public int ExitCode => _process.ExitCode;

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static RunningBinary Start(string binary, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var variable in new[] { "REPRO_GET_PROVIDER", "REPRO_GET_CACHE", "REPRO_GET_DISTRO", "SOURCE_DATE_EPOCH" })
        {
            info.Environment.Remove(variable);
        }
        var process = new Process { StartInfo = info };
        var running = new RunningBinary(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (running._stderr)
            {
                running._stderr.Append(e.Data).Append('\n');
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.StandardInput.Close();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return running;
    }

    /// <summary>Bytes the process has read so far (<c>rchar</c>: files and sockets alike); 0 once it has exited.</summary>
    public long BytesRead
    {
        get
        {
            try
            {
                var line = File.ReadLines($"/proc/{_process.Id}/io").First(l => l.StartsWith("rchar:", StringComparison.Ordinal));
                return long.Parse(line.AsSpan("rchar:".Length).Trim(), CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                return 0;
            }
        }
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) until <paramref name="busy"/> holds; fails if the process ends first.</summary>
    public async Task WaitUntilAsync(Func<bool> busy, string what, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!busy())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"repro-get exited {_process.ExitCode} before {what}:\n{StandardError}");
            }
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"repro-get did not get to {what} within {timeout.TotalSeconds} s:\n{StandardError}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Sends <paramref name="signal"/> (<c>TERM</c>, <c>KILL</c>…) with kill(1) and returns how long the process took to
    /// exit, counted from before kill(1) started (so a slow machine makes the figure larger, never smaller).
    /// </summary>
    public async Task<TimeSpan> SignalAndWaitAsync(string signal, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -s {signal} {_process.Id} failed (exit {kill.ExitCode})");
            }
        }
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return watch.Elapsed;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
