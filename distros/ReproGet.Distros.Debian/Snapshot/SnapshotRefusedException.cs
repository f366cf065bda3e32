namespace ReproGet.Distros.Debian.Snapshot;

/// <summary>
/// A snapshot file that the signature chain does not back (bad or unknown signature, an index whose hash its InRelease
/// does not list, an API answer pointing at another package's file): it is not used, and its message says which.
/// </summary>
internal sealed class SnapshotRefusedException(string message) : Exception(message);
