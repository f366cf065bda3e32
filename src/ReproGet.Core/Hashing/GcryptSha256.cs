using System.Runtime.InteropServices;

namespace ReproGet.Core.Hashing;

/// <summary>SHA-256 through libgcrypt, which apt and gpgv bring into every Debian root, even without libssl.</summary>
internal sealed partial class GcryptSha256 : Sha256Hasher
{
    internal const string Library = "libgcrypt.so.20";
    private const int GcryMdSha256 = 8;

    private static readonly Lazy<bool> Initialised = new(() => GcryCheckVersion(null) != IntPtr.Zero);

    private IntPtr _handle;

    public GcryptSha256()
    {
        if (!Initialised.Value)
        {
            throw new InvalidOperationException("libgcrypt failed to initialise");
        }
        var error = GcryMdOpen(out _handle, GcryMdSha256, 0);
        if (error != 0)
        {
            throw new InvalidOperationException($"gcry_md_open failed with error {error}");
        }
    }

    public override unsafe void Append(ReadOnlySpan<byte> data)
    {
        fixed (byte* pointer = data)
        {
            GcryMdWrite(_handle, pointer, (nuint)data.Length);
        }
    }

    public override unsafe Sha256Digest Finish()
    {
        var digest = Sha256Digest.FromBytes(new ReadOnlySpan<byte>((void*)GcryMdRead(_handle, GcryMdSha256), 32));
        GcryMdReset(_handle);
        return digest;
    }

    public override void Dispose()
    {
        if (_handle != IntPtr.Zero)
        {
            GcryMdClose(_handle);
            _handle = IntPtr.Zero;
        }
    }

    [LibraryImport(Library, EntryPoint = "gcry_check_version", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GcryCheckVersion(string? requiredVersion);

    [LibraryImport(Library, EntryPoint = "gcry_md_open")]
    private static partial uint GcryMdOpen(out IntPtr handle, int algorithm, uint flags);

    [LibraryImport(Library, EntryPoint = "gcry_md_write")]
    private static unsafe partial void GcryMdWrite(IntPtr handle, byte* buffer, nuint length);

    [LibraryImport(Library, EntryPoint = "gcry_md_read")]
    private static partial IntPtr GcryMdRead(IntPtr handle, int algorithm);

    [LibraryImport(Library, EntryPoint = "gcry_md_reset")]
    private static partial void GcryMdReset(IntPtr handle);

    [LibraryImport(Library, EntryPoint = "gcry_md_close")]
    private static partial void GcryMdClose(IntPtr handle);
}
