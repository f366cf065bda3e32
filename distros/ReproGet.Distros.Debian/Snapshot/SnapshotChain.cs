using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Debian.Snapshot;

/// <summary>
/// The verified chain behind one snapshot index: the InRelease and index files as fetched (cache blobs), and their
/// lock names in the snapshot archive's layout (<see cref="Provenance.ProofName.SnapshotRoot"/>).
/// </summary>
internal sealed record SnapshotChain(string InReleaseName, string InReleasePath, string IndexName, string IndexPath, Sha256Digest IndexSha256);
