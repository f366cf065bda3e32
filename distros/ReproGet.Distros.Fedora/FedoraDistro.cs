using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;
using ReproGet.Distros.Fedora.Configuration;
using ReproGet.Distros.Fedora.Installing;
using ReproGet.Distros.Fedora.Locking;

namespace ReproGet.Distros.Fedora;

/// <summary>
/// Fedora and the RPM distros that name it in <c>ID_LIKE</c> (RHEL, CentOS, Rocky, Alma): locks from the rpm
/// database and dnf's cached repository metadata (nothing downloaded), names files by Koji's layout as the Go tool
/// does, and installs with one signature-checked <c>rpm -Uvh</c> transaction.
/// </summary>
public sealed class FedoraDistro : IDistro, IPackageLocker, IPackageInstaller, IBundleInstaller
{
    private readonly RpmLocker _locker = new();
    private readonly RpmInstaller _installer = new();

    public string Name => "fedora";

    public bool IsExperimental => false;

    public string BundleTool => "rpm";

    // A valid signature is demanded of every file before the one transaction: plain `rpmkeys --checksig` passes unsigned files.
    public string BundleInstallCommand => """
        for pkg in "$@"; do
            if ! rpmkeys --define '_pkgverify_level all' --checksig "$pkg" | grep -q 'signatures OK'; then
                echo "install.sh: ${pkg##*/} has no valid signature from a key in rpm's database: nothing was installed" >&2; exit 1
            fi
        done
        rpm -Uvh "$@"
        """;

    public IReadOnlyList<string> DefaultProviders(DistroContext context)
    {
        context.Log.Info(FedoraProviders.KojiNote);
        return FedoraProviders.For(context);
    }

    public EntryRole Classify(LockEntry entry) =>
        RpmPackageFile.IsPackage(entry.Basename) ? EntryRole.Package : EntryRole.NotNeeded;

    public Task<IReadOnlyList<LockedFile>> LockAsync(DistroContext context, LockRequest request, CancellationToken cancellationToken) =>
        _locker.LockAsync(context, request, cancellationToken);

    public Task<IReadOnlyList<LockEntry>> SelectNotInstalledAsync(DistroContext context, IReadOnlyList<LockEntry> packages,
        CancellationToken cancellationToken) =>
        _installer.SelectNotInstalledAsync(context, packages, cancellationToken);

    public Task InstallAsync(DistroContext context, IReadOnlyList<CachedFile> packages, IReadOnlyList<CachedFile> auxiliary,
        CancellationToken cancellationToken) =>
        _installer.InstallAsync(context, packages, auxiliary, cancellationToken);
}
