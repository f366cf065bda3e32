using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace ReproGet.Core.Files;

/// <summary>
/// Which file, in which state: device, inode, size, modification and status-change times (nanoseconds). Any write
/// to a file changes its ctime, which no user call can set back, and a replaced file (apt renames new lists into
/// place) has another inode, so equal identities mean the same bytes. What a cache records against an identity
/// (a digest computed earlier) is reused only for an identity taken from the descriptor actually read.
/// </summary>
public readonly record struct FileIdentity(uint DeviceMajor, uint DeviceMinor, ulong Inode, long Size, long ModifiedNanoseconds, long ChangedNanoseconds)
{
    /// <summary>The identity of the open file behind <paramref name="handle"/> (fstat, not a path: no race with a rename).</summary>
    public static FileIdentity Of(SafeFileHandle handle) => PosixFile.IdentityOf(handle);

    /// <summary>The identity of what <paramref name="path"/> names now (opened and fstat'ed).</summary>
    public static FileIdentity OfPath(string path)
    {
        using var handle = File.OpenHandle(path);
        return Of(handle);
    }

    /// <summary>
    /// False while the file may still be written within the clock's granularity: ctime comes from a coarse clock, so
    /// a write in the same tick as the last one leaves the identity unchanged (git's "racily clean" entries). Only an
    /// identity older than <paramref name="margin"/> at <paramref name="now"/> may key a record.
    /// </summary>
    public bool IsSettled(DateTimeOffset now, TimeSpan margin)
    {
        var settled = (now - margin).ToUnixTimeMilliseconds() * 1_000_000;
        return ChangedNanoseconds < settled && ModifiedNanoseconds < settled;
    }

    /// <summary>One line, every field: the key a record is stored under and compared with at use.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"dev={DeviceMajor}:{DeviceMinor} ino={Inode} size={Size} mtime={ModifiedNanoseconds} ctime={ChangedNanoseconds}");
}
