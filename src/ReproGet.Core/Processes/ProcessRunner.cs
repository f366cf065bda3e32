using System.ComponentModel;
using System.Diagnostics;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Processes;

/// <summary>The result of a finished child process, with its command line for error messages.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs the distro's own tools (dpkg, rpm, pacman, apk). Always waits, always checks the exit code (the Go tool
/// ignored it), and forces <c>LC_ALL=C</c> so output can be parsed.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Runs and captures output; a non-zero exit is an error naming the command and its stderr.</summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments,
        CancellationToken cancellationToken, bool throwOnFailure = true, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(fileName, arguments, capture: true, environment);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await WaitForExitAsync(process, cancellationToken).ConfigureAwait(false);
        var result = new ProcessResult(Describe(process.StartInfo), process.ExitCode,
            await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        if (throwOnFailure && result.ExitCode != 0)
        {
            throw new ReproGetException($"`{result.CommandLine}` failed with exit code {result.ExitCode}: {LastLines(result.StandardError)}");
        }
        return result;
    }

    /// <summary>Runs with the terminal inherited (installers show their own progress); returns the exit code.</summary>
    public static async Task<int> RunInteractiveAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Start(fileName, arguments, capture: false);
        await WaitForExitAsync(process, cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }

    // A cancelled run stops its tool too instead of leaving it running behind it.
    private static async Task WaitForExitAsync(Process process, CancellationToken cancellationToken)
    {
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ChildProcessStop.Stop(process);
            throw;
        }
    }

    public static string Describe(ProcessStartInfo info) =>
        string.Join(' ', new[] { info.FileName }.Concat(info.ArgumentList.Select(a => a.Contains(' ') ? $"'{a}'" : a)));

    private static Process Start(string fileName, IEnumerable<string> arguments, bool capture,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = capture,
            RedirectStandardError = capture,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        info.Environment["LC_ALL"] = "C";
        try
        {
            return Process.Start(info) ?? throw new ToolMissingException(fileName, $"install {fileName}");
        }
        catch (Win32Exception e)
        {
            throw new ToolMissingException($"{fileName} ({e.Message})", $"install the package that provides {fileName}");
        }
    }

    private static string LastLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no error output)" : string.Join(" | ", lines.TakeLast(5));
    }
}
