using System.CommandLine;
using ReproGet.Cli;

namespace ReproGet.TestKit;

/// <summary>What one in-process invocation of <c>repro-get</c> did: its exit code and what it wrote where.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"repro-get exited {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}

/// <summary>
/// Runs <c>repro-get</c> in this process (<see cref="CliApp.RunAsync"/> with string writers) against a private cache
/// with the <c>none</c> distro, so no test depends on this machine's /var/cache or os-release. Tests of process facts
/// (signals, the published binary in a bare root, a child's own environment) use <see cref="ReproGetProcess"/> instead.
/// Compiled into each test project that imports ReproGetCli.props (TestKit itself does not reference the CLI).
/// </summary>
internal static class CliRun
{
    public static Task<CliResult> InCacheAsync(string cache, params string[] arguments) =>
        RunAsync(["--cache", cache, "--distro", "none", .. arguments]);

    public static async Task<CliResult> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(arguments, new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
