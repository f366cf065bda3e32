using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Fetching;

/// <summary>
/// One file to fetch, and its size when something trustworthy states it (Debian's <c>Size:</c>, rpm and pacman
/// sizes, APKINDEX <c>S:</c>): then no provider may send more, or announce another size.
/// </summary>
public sealed record FetchItem(LockEntry Entry, long? ExpectedSize = null);
