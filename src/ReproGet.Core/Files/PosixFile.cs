using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ReproGet.Core.Files;

/// <summary>
/// The few POSIX calls .NET does not expose and a trust boundary needs: open without following a final symlink and
/// without blocking on a FIFO, the file type of an open descriptor, create-exclusive, and rename without replacing.
/// </summary>
internal static partial class PosixFile
{
    private const int ReadOnly = 0x0;
    private const int WriteOnly = 0x1;
    private const int Create = 0x40;
    private const int Exclusive = 0x80;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int EmptyPath = 0x1000;
    private const int CurrentDirectory = -100;
    private const uint WantType = 0x1;
    private const uint WantIdentity = 0x1 | 0x40 | 0x80 | 0x100 | 0x200; // STATX_TYPE | MTIME | CTIME | INO | SIZE
    private const uint RenameNoReplace = 0x1;
    private const int TypeMask = 0xF000;
    public const int RegularType = 0x8000;
    public const int DirectoryType = 0x4000;
    public const int SymlinkType = 0xA000;

    public const int NoSuchFile = 2;
    public const int FileExists = 17;
    public const int TooManyLinks = 40;

    // O_NOFOLLOW differs between architectures: 0400000 on x86, 0100000 on the ARMs.
    private static int NoFollow => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    /// <summary>
    /// Opens <paramref name="path"/> for reading if it is a regular file and not a symlink; never waits on a FIFO.
    /// Throws <see cref="IOException"/> saying what the path is instead.
    /// </summary>
    public static SafeFileHandle OpenRegularForRead(string path, bool followLinks = false)
    {
        var fd = Open(path, ReadOnly | (followLinks ? 0 : NoFollow) | NonBlocking | CloseOnExec, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException(errno == TooManyLinks ? "is a symbolic link (not followed)" : Marshal.GetPInvokeErrorMessage(errno), errno);
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var type = TypeOf(handle);
        if (type != RegularType)
        {
            handle.Dispose();
            throw new IOException($"is {Describe(type)}, not a regular file");
        }
        return handle;
    }

    /// <summary>Creates a new file; fails if anything (a symlink included) already has the name.</summary>
    public static SafeFileHandle CreateExclusive(string path, UnixFileMode mode)
    {
        var fd = Open(path, WriteOnly | Create | Exclusive | NoFollow | CloseOnExec, (int)mode);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot create \"{path}\": {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>The file type bits (S_IFMT) of <paramref name="path"/> itself (links not followed); 0 when it does not exist.</summary>
    public static int TypeOfPath(string path)
    {
        if (Statx(CurrentDirectory, path, 0x100 /* AT_SYMLINK_NOFOLLOW */, WantType, out var status) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == NoSuchFile ? 0 : throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
        }
        return status.Mode & TypeMask;
    }

    /// <summary>rename(2), which replaces a symlink at <paramref name="to"/> rather than writing through it.</summary>
    public static void Rename(string from, string to, bool replace)
    {
        var result = replace ? RenameAt(CurrentDirectory, from, CurrentDirectory, to) : RenameAt2(CurrentDirectory, from, CurrentDirectory, to, RenameNoReplace);
        if (result != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot rename \"{from}\" to \"{to}\": {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }
    }

    public static string Describe(int type) => type switch
    {
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        DirectoryType => "a directory",
        0x6000 => "a block device",
        SymlinkType => "a symbolic link",
        0xC000 => "a socket",
        RegularType => "a regular file",
        _ => $"of file type 0x{type:x}",
    };

    private static int TypeOf(SafeFileHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (Statx((int)handle.DangerousGetHandle(), "", EmptyPath, WantType, out var status) != 0)
            {
                throw new IOException(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
            }
            return status.Mode & TypeMask;
        }
        finally
        {
            handle.DangerousRelease();
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "renameat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt(int fromDirectory, string from, int toDirectory, string to);

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int fromDirectory, string from, int toDirectory, string to, uint flags);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer status);

    /// <summary>Device, inode, size and change times of an open descriptor (statx): what <see cref="FileIdentity"/> keys on.</summary>
    public static FileIdentity IdentityOf(SafeFileHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (Statx((int)handle.DangerousGetHandle(), "", EmptyPath, WantIdentity, out var status) != 0)
            {
                throw new IOException(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
            }
            return new FileIdentity(status.DeviceMajor, status.DeviceMinor, status.Inode, (long)status.Size,
                status.ModifiedSeconds * 1_000_000_000 + status.ModifiedNanoseconds,
                status.ChangedSeconds * 1_000_000_000 + status.ChangedNanoseconds);
        }
        finally
        {
            handle.DangerousRelease();
        }
    }

    // struct statx is 256 bytes (linux/stat.h): stx_mode (type and permission bits) is the 16-bit field at offset 28,
    // stx_ino at 32, stx_size at 40, the statx_timestamp {s64 sec; u32 nsec} stx_ctime at 96 and stx_mtime at 112,
    // stx_dev_major/minor at 136/140.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private readonly struct StatxBuffer
    {
        [FieldOffset(28)]
        public readonly ushort Mode;
        [FieldOffset(32)]
        public readonly ulong Inode;
        [FieldOffset(40)]
        public readonly ulong Size;
        [FieldOffset(96)]
        public readonly long ChangedSeconds;
        [FieldOffset(104)]
        public readonly uint ChangedNanoseconds;
        [FieldOffset(112)]
        public readonly long ModifiedSeconds;
        [FieldOffset(120)]
        public readonly uint ModifiedNanoseconds;
        [FieldOffset(136)]
        public readonly uint DeviceMajor;
        [FieldOffset(140)]
        public readonly uint DeviceMinor;
    }
}
