using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;
using ReproGet.Distros.Arch.Configuration;
using ReproGet.Distros.Arch.Installing;
using ReproGet.Distros.Arch.Locking;

namespace ReproGet.Distros.Arch;

/// <summary>
/// Arch Linux: locks from pacman's local and sync databases (nothing downloaded), names files as the Arch Linux
/// Archive does, and installs with one signature-checked <c>pacman -U</c> transaction.
/// </summary>
public sealed class ArchDistro : IDistro, IPackageLocker, IPackageInstaller, IBundleInstaller, IDockerfileRenderer
{
    /// <summary>Dockerfile and Dockerfile.generate-hash; no bundle variant yet (the bundle's install.sh works in any stage).</summary>
    public string? RenderDockerfile(DockerfileKind kind, DockerfileParameters parameters) =>
        DockerfileTemplate.Render(typeof(ArchDistro).Assembly, $"ReproGet.Distros.Arch.Templates.{kind}", parameters);

    private readonly PacmanLocker _locker = new();
    private readonly PacmanInstaller _installer = new();

    public string Name => "arch";

    public bool IsExperimental => false;

    public string BundleTool => "pacman";

    // Every signature is checked before the one transaction; pacman-key accepts only keys the keyring trusts.
    public string BundleInstallCommand => """
        for pkg in "$@"; do
            if [ ! -f "$pkg.sig" ]; then
                echo "install.sh: no signature for ${pkg##*/}: nothing was installed" >&2; exit 1
            fi
            if ! pacman-key --verify "$pkg.sig" "$pkg" >/dev/null 2>&1; then
                echo "install.sh: the signature of ${pkg##*/} does not verify with pacman's keyring: nothing was installed" >&2; exit 1
            fi
        done
        pacman -U --noconfirm "$@"
        """;

    public IReadOnlyList<string> DefaultProviders(DistroContext context) => ArchProviders.For(context);

    public EntryRole Classify(LockEntry entry) =>
        ArchPackageFile.IsPackage(entry.Basename) ? EntryRole.Package
        : ArchPackageFile.IsSignature(entry.Basename) ? EntryRole.Auxiliary
        : EntryRole.NotNeeded;

    public Task<IReadOnlyList<LockedFile>> LockAsync(DistroContext context, LockRequest request, CancellationToken cancellationToken) =>
        _locker.LockAsync(context, request, cancellationToken);

    public Task<IReadOnlyList<LockEntry>> SelectNotInstalledAsync(DistroContext context, IReadOnlyList<LockEntry> packages,
        CancellationToken cancellationToken) =>
        _installer.SelectNotInstalledAsync(context, packages, cancellationToken);

    public Task InstallAsync(DistroContext context, IReadOnlyList<CachedFile> packages, IReadOnlyList<CachedFile> auxiliary,
        CancellationToken cancellationToken) =>
        _installer.InstallAsync(context, packages, auxiliary, cancellationToken);
}
