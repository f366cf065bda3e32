using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Arch.Locking;

/// <summary>The detached signature of a locked package file: its base name and bytes, as the lock pins them.</summary>
internal sealed record LockedSignature(string Basename, byte[] Bytes)
{
    public Sha256Digest Sha256 { get; } = Sha256Hasher.HashBytes(Bytes);
}
