using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>One line of a Release file's <c>SHA256:</c> list: an index path relative to the suite, its hash and size.</summary>
public sealed record ReleaseFileEntry(string Path, Sha256Digest Sha256, long Size);
