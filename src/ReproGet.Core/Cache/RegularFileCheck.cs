using System.Runtime.InteropServices;

namespace ReproGet.Core.Cache;

/// <summary>
/// Tells whether a path names a regular file (after following symlinks) without opening it: opening a FIFO waits for
/// a writer, and a device or a socket is not file content. .NET does not expose the file type, so this asks
/// <c>statx(2)</c> for it.
/// </summary>
public static partial class RegularFileCheck
{
    // statx rather than stat: its buffer has one layout on every architecture (struct stat's differs between x64 and
    // arm64), and every libc .NET 10 runs on exports it (glibc since 2.28, musl since 1.2.5).
    private const int CurrentDirectory = -100;
    private const uint WantType = 0x1;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int NoSuchFile = 2;

    /// <summary>
    /// Null when <paramref name="path"/> is a regular file (or a symlink to one); otherwise what it is ("a FIFO", "a
    /// character device", "a directory"), or why it cannot be looked at.
    /// </summary>
    public static string? NotRegularReason(string path)
    {
        if (Statx(CurrentDirectory, path, 0, WantType, out var status) != 0)
        {
            return Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
        }
        var type = status.Mode & TypeMask;
        return type == RegularType ? null : Describe(type);
    }

    /// <summary>Throws an <see cref="IOException"/> that says what <paramref name="path"/> is instead of a regular file.</summary>
    public static void Require(string path)
    {
        if (Statx(CurrentDirectory, path, 0, WantType, out var status) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException(errno == NoSuchFile && new FileInfo(path).LinkTarget is { } target
                ? $"a dangling symbolic link (its target \"{target}\" does not exist); fix or remove the link"
                : Marshal.GetPInvokeErrorMessage(errno));
        }
        if ((status.Mode & TypeMask) != RegularType)
        {
            throw new IOException($"not a regular file ({Describe(status.Mode & TypeMask)}); only regular files (or symlinks to them) are imported");
        }
    }

    private static string Describe(int type) => type switch
    {
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        0x4000 => "a directory",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => $"file type 0x{type:x}",
    };

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer status);

    // struct statx is 256 bytes; stx_mode (type and permission bits) is the 16-bit field at offset 28.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private readonly struct StatxBuffer
    {
        [FieldOffset(28)]
        public readonly ushort Mode;
    }
}
