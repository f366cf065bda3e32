using ReproGet.Core.Hashing;

namespace ReproGet.Core.Cache;

/// <summary>A verified blob in the cache, with the base name it was fetched or imported under, if known.</summary>
public sealed record CachedBlob(Sha256Digest Sha256, long Size, string? Basename);
