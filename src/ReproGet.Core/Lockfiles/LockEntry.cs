using ReproGet.Core.Hashing;
using ReproGet.Core.Packages;

namespace ReproGet.Core.Lockfiles;

/// <summary>
/// One pinned file of a lockfile: its relative name (a pool path, an archive path), its SHA-256, optionally
/// the IPFS CID of the same bytes, and the epoch of the lock (for snapshot providers).
/// </summary>
public sealed record LockEntry(string Name, Sha256Digest Sha256, string? Cid = null, DateTimeOffset? Epoch = null)
{
    public string Basename => LockName.Basename(Name);

    /// <summary>The package identity the name carries, by suffix; null for non-package files such as signatures.</summary>
    public PackageFileName? Package { get; } = PackageFileName.TryParse(LockName.Basename(Name));
}
