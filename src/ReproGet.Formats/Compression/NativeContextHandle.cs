using System.Runtime.InteropServices;

namespace ReproGet.Formats.Compression;

/// <summary>Owns a native decoder context and frees it with the library's own function, even if Dispose is missed.</summary>
internal sealed class NativeContextHandle : SafeHandle
{
    private readonly Action<IntPtr> _release;

    public NativeContextHandle(IntPtr context, Action<IntPtr> release)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        _release = release;
        SetHandle(context);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public IntPtr Pointer => DangerousGetHandle();

    protected override bool ReleaseHandle()
    {
        _release(handle);
        return true;
    }
}
