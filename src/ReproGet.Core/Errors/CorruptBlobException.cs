using ReproGet.Core.Hashing;

namespace ReproGet.Core.Errors;

/// <summary>
/// A cached blob no longer holds the bytes its name promises (changed on disk, replaced by a link, a FIFO, a device).
/// It has been removed from the cache by the time this is thrown, so fetching it again is enough.
/// </summary>
public sealed class CorruptBlobException(Sha256Digest digest, string path, string problem)
    : ReproGetException($"cached blob \"{path}\" {problem}: removed from the cache, not used",
        "the cache was changed by something other than repro-get; fetch the file again (repro-get download LOCKFILE…)")
{
    public Sha256Digest Digest { get; } = digest;
}
