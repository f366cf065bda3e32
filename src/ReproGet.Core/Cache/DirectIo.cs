using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ReproGet.Core.Cache;

/// <summary>
/// Turns O_DIRECT on and off for an open file (<c>fcntl(F_SETFL)</c>): writes then go from the caller's buffer
/// straight to the disk instead of through the page cache. Where the flag, the call or the filesystem is missing,
/// <see cref="TryEnable"/> says no and the file stays as it was.
/// </summary>
internal static partial class DirectIo
{
    private const int GetFlags = 3;
    private const int SetFlags = 4;

    // The flag's value differs between the architectures Linux runs on.
    private static readonly int DirectFlag = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => 0,
    };

    public static bool TryEnable(SafeFileHandle file) => DirectFlag != 0 && TrySet(file, enabled: true);

    public static void Disable(SafeFileHandle file)
    {
        if (DirectFlag != 0 && !TrySet(file, enabled: false))
        {
            throw new IOException($"cannot turn O_DIRECT off again for {file.DangerousGetHandle()} (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    private static bool TrySet(SafeFileHandle file, bool enabled)
    {
        try
        {
            var flags = Fcntl(file, GetFlags, 0);
            if (flags < 0)
            {
                return false;
            }
            var wanted = enabled ? flags | DirectFlag : flags & ~DirectFlag;
            return wanted == flags || Fcntl(file, SetFlags, wanted) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(SafeFileHandle file, int command, int argument);
}
