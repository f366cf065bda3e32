using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace ReproGet.Core.Cache;

/// <summary>
/// A 1 MiB buffer whose address is a multiple of 4 KiB (the largest logical sector size disks use), as O_DIRECT
/// writes need. Pinned for good on the pinned-object heap, so used buffers are pooled rather than left to the GC.
/// </summary>
internal sealed class AlignedChunk
{
    public const int Size = 1 << 20;
    private const int Alignment = 4096;
    private const int MaxPooled = 32;

    private static readonly ConcurrentBag<AlignedChunk> Pool = [];

    private AlignedChunk()
    {
        var array = GC.AllocateUninitializedArray<byte>(Size + Alignment, pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var offset = (int)((Alignment - address % Alignment) % Alignment);
        Memory = array.AsMemory(offset, Size);
    }

    public Memory<byte> Memory { get; }

    public static AlignedChunk Rent() => Pool.TryTake(out var chunk) ? chunk : new AlignedChunk();

    public static void Return(AlignedChunk chunk)
    {
        if (Pool.Count < MaxPooled)
        {
            Pool.Add(chunk);
        }
    }
}
