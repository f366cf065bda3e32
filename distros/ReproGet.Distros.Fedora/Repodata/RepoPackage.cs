using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Fedora.Repodata;

/// <summary>
/// One binary package of a repository's <c>primary.xml</c>: its identity, the SHA-256 of the file the repository
/// serves (a signed copy on Fedora's mirrors), where it sits under the baseurl, the source rpm it was built from, and
/// the file's size (<c>&lt;size package="…"/&gt;</c>) when given.
/// </summary>
public sealed record RepoPackage(string Name, int Epoch, string Version, string Release, string Architecture,
    Sha256Digest Sha256, string Location, string SourceRpm, string Repository, long? Size = null)
{
    public string FileName => $"{Name}-{Version}-{Release}.{Architecture}.rpm";
}
