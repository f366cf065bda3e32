using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Distros;

/// <summary>A fetched, verified file ready to install: its entry and the path of its blob in the cache.</summary>
public sealed record CachedFile(LockEntry Entry, string BlobPath);

/// <summary>A plugin's <see cref="IDistro.Installer"/>: installs cached package files with the distro's own tool.</summary>
public interface IPackageInstaller
{
    /// <summary>The package entries that are not installed at the locked version already.</summary>
    Task<IReadOnlyList<LockEntry>> SelectNotInstalledAsync(DistroContext context, IReadOnlyList<LockEntry> packages,
        CancellationToken cancellationToken);

    /// <summary>Installs all of <paramref name="packages"/> in one transaction; aux files (signatures) come along.</summary>
    Task InstallAsync(DistroContext context, IReadOnlyList<CachedFile> packages, IReadOnlyList<CachedFile> auxiliary,
        CancellationToken cancellationToken);
}
