using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>A chain file as the lock names it (<c>dists/…</c>), its pinned hash, and where its verified bytes are (a cache blob).</summary>
public sealed record ProofFile(string Name, Sha256Digest Sha256, string Path);
