using ReproGet.Core.Processes;

namespace ReproGet.Dockerfiles.Tests;

/// <summary>Runs a real tool and fails the test with its command line and stderr when it exits non-zero.</summary>
internal static class Sh
{
    public static async Task<ProcessResult> MustAsync(string tool, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(tool, arguments, CancellationToken.None, throwOnFailure: false);
        Assert.True(result.ExitCode == 0, $"`{result.CommandLine}` failed (exit {result.ExitCode}):\n{result.StandardError}\n{result.StandardOutput}");
        return result;
    }
}
