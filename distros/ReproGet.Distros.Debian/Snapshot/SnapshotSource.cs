namespace ReproGet.Distros.Debian.Snapshot;

/// <summary>
/// One archive of the snapshot service as apt's sources use it: <paramref name="Archive"/> is the snapshot archive
/// name (<c>debian</c>, <c>debian-security</c>, the last path segment of the source's URI), with its suites and
/// components, and <paramref name="ImageTime"/> the time the image was built from, when its sources say so
/// (<c># http://snapshot.debian.org/archive/debian/20250520T000000Z</c> above <c>URIs:</c>, as Debian's images write it).
/// </summary>
internal sealed record SnapshotSource(string Archive, IReadOnlyList<string> Suites, IReadOnlyList<string> Components, string? ImageTime);
