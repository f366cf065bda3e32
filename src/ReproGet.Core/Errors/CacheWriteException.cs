namespace ReproGet.Core.Errors;

/// <summary>
/// The cache itself cannot take more bytes (a full disk, a read-only or failing filesystem). No other source can
/// help with that, so a fetch stops at once instead of trying every provider for every file.
/// </summary>
public sealed class CacheWriteException(string cacheRoot, IOException inner)
    : ReproGetException($"cannot write to the cache {cacheRoot}: {inner.Message}",
        "free space on that filesystem, or point --cache (REPRO_GET_CACHE) at one with room; what was verified so far stays cached",
        inner);
