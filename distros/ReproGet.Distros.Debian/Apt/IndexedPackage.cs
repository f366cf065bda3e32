using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Debian.Apt;

/// <summary>
/// One stanza of an apt list, reduced to what a lock needs. <paramref name="Priority"/> is apt's default pin of the
/// list's release: 500, or 1 (100 with ButAutomaticUpgrades) for NotAutomatic releases such as backports.
/// </summary>
public sealed record IndexedPackage(string Name, string Architecture, string Version, string Filename, Sha256Digest Sha256,
    int Priority, string ListFile);
