namespace ReproGet.Distros.Debian.Snapshot;

/// <summary>
/// Where the snapshot service's API says a package file lives (<c>/mr/binary/PKG/VERSION/binfiles?fileinfo=1</c>):
/// its archive, pool path and the first time the archive had it. Its SHA-1 only locates the file: the SHA-256 that
/// goes into a lock comes from a signed index at <paramref name="FirstSeen"/>.
/// </summary>
internal sealed record SnapshotFile(string Architecture, string Sha1, string ArchiveName, string Filename, string FirstSeen);
