using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Fetching;

namespace ReproGet.Core.Operations.Installing;

/// <summary>
/// What <c>install</c> did: the package entries of the lockfiles, those it installed, and the fetch that brought them
/// (null when every package was installed already). When <see cref="Fetch"/> is incomplete nothing was installed.
/// </summary>
public sealed record InstallResult(IReadOnlyList<LockEntry> Packages, IReadOnlyList<LockEntry> Installed, FetchReport? Fetch)
{
    public int AlreadyInstalled => Packages.Count - Installed.Count;
}
