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

    public static Task<ProcessResult> RunAsync(string tool, params string[] arguments) =>
        ProcessRunner.RunAsync(tool, arguments, CancellationToken.None, throwOnFailure: false);

    /// <summary>Runs <paramref name="arguments"/> chrooted into <paramref name="root"/> with /proc mounted privately; no network with <paramref name="offline"/>.</summary>
    public static Task<ProcessResult> ChrootAsync(string root, bool offline, params string[] arguments) =>
        RunAsync("unshare", [.. offline ? new[] { "--net" } : [], "--mount", "--fork", "--", "sh", "-c",
            "mount -t proc proc \"$1/proc\" && exec chroot \"$@\"", "sh", root,
            "/usr/bin/env", "-i", "PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root", "DEBIAN_FRONTEND=noninteractive",
            .. arguments]);
}
