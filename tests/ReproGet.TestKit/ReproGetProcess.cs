using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace ReproGet.TestKit;

/// <summary>The real <c>repro-get</c> (src/ReproGet.Cli, built before the tests) run as a child process.</summary>
public sealed class ReproGetProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private ReproGetProcess(Process process) => _process = process;

    /// <summary>
    /// Where the test assembly says repro-get.dll is built (it imports ReproGetCli.props, which also builds the CLI
    /// first), else where the CLI's default output for this configuration is.
    /// </summary>
    public static string DllPath { get; } = FindDllPath();

    public bool HasExited => _process.HasExited;

    public string StandardOutput => Read(_stdout);

    public string StandardError => Read(_stderr);

    /// <summary>Starts <c>dotnet repro-get.dll ARGS</c> with <paramref name="environment"/> added; output is collected.</summary>
    public static ReproGetProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(DllPath))
        {
            throw new FileNotFoundException($"repro-get is not built at {DllPath}: build ReproGet.sln first", DllPath);
        }
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // Keep the child independent of the developer's settings.
        info.Environment.Remove("REPRO_GET_PROVIDER");
        info.Environment.Remove("REPRO_GET_CACHE");
        info.Environment.Remove("REPRO_GET_DISTRO");
        info.Environment.Remove("SOURCE_DATE_EPOCH");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var process = new Process { StartInfo = info };
        var running = new ReproGetProcess(process);
        process.OutputDataReceived += (_, e) => running.Append(running._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(running._stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Runs to the end; returns the exit code (output in <see cref="StandardOutput"/>, <see cref="StandardError"/>).</summary>
    public static async Task<ReproGetProcess> RunAsync(IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var process = Start(arguments, environment);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process;
    }

    public int ExitCode => _process.ExitCode;

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Waits until standard error contains <paramref name="text"/>; false if the process ended first.</summary>
    public async Task<bool> WaitForStandardErrorAsync(string text, CancellationToken cancellationToken = default)
    {
        while (!StandardError.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                return StandardError.Contains(text, StringComparison.Ordinal);
            }
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    public override string ToString() =>
        $"repro-get exited {(_process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(running)")}\n"
        + $"stdout:\n{StandardOutput}\nstderr:\n{StandardError}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private static string FindDllPath()
    {
        var recorded = AppDomain.CurrentDomain.GetAssemblies()
            .SelectMany(a => a.GetCustomAttributes<AssemblyMetadataAttribute>())
            .FirstOrDefault(a => a.Key == "ReproGetCliDll")?.Value;
        if (recorded is not null)
        {
            return Path.GetFullPath(recorded);
        }
        // Test binaries live in bin/<Configuration>/<TargetFramework>/, as the CLI's do.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        return Path.Combine(FixturePath.RepositoryRoot, "src", "ReproGet.Cli", "bin", output.Parent!.Name, output.Name, "repro-get.dll");
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            buffer.Append(line).Append('\n');
        }
    }

    private string Read(StringBuilder buffer)
    {
        lock (_gate)
        {
            return buffer.ToString();
        }
    }
}
