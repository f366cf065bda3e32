using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ReproGet.Core.Cache;

/// <summary>
/// Asks Linux to start writing a file's dirty pages to disk now (<c>sync_file_range(SYNC_FILE_RANGE_WRITE)</c>,
/// which does not wait), so that the fsync before a blob's rename finds most of it written already, as dpkg does.
/// Only a hint: where the call is missing or refused, the fsync alone still makes the blob durable.
/// </summary>
internal static partial class WritebackHint
{
    private const uint SyncFileRangeWrite = 2;

    private static bool _unavailable;

    public static void Start(SafeFileHandle file, long offset, long length)
    {
        if (_unavailable)
        {
            return;
        }
        try
        {
            SyncFileRange(file, offset, length, SyncFileRangeWrite);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "sync_file_range")]
    private static partial int SyncFileRange(SafeFileHandle file, long offset, long length, uint flags);
}
