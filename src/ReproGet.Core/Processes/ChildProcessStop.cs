using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ReproGet.Core.Processes;

/// <summary>
/// Stops a package tool whose run was cancelled (SIGTERM to repro-get): SIGTERM first, so dpkg, rpm or pacman stop
/// the way they stop when a user interrupts them, then SIGKILL to the whole tree if it is still there after
/// <see cref="Patience"/>. Without this, the tool would go on running on private copies about to be removed.
/// </summary>
internal static partial class ChildProcessStop
{
    private const int Sigterm = 15;

    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(800);

    public static void Stop(Process process)
    {
        try
        {
            if (process.HasExited)
            {
                return;
            }
            _ = Kill(process.Id, Sigterm);
            if (!process.WaitForExit(Patience))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
