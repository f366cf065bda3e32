using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;
using ReproGet.Distros.Arch.Configuration;
using ReproGet.Distros.Arch.Installing;
using ReproGet.Distros.Arch.Locking;
using ReproGet.Distros.Arch.Resolving;
using ReproGet.Distros.Arch.Templates;

namespace ReproGet.Distros.Arch;

/// <summary>
/// Arch Linux: locks from pacman's local and sync databases (nothing downloaded), names files as the Arch Linux
/// Archive does, and installs with one signature-checked <c>pacman -U</c> transaction.
/// </summary>
public sealed class ArchDistro : IDistro
{
    public string Name => "arch";

    public bool IsExperimental => false;

    public IPackageLocker Locker { get; } = new PacmanLocker();

    public IPackageInstaller Installer { get; } = new PacmanInstaller();

    public IPackageResolver? Resolver { get; } = new PacmanResolver();

    public IExpectedSizes Sizes { get; } = new Database.SyncDatabaseSizes();

    // Every signature is checked before the one transaction; pacman-key accepts only keys the keyring trusts.
    public IBundleInstaller Bundle { get; } = new BundleInstaller("pacman", """
        for pkg in "$@"; do
            if [ ! -f "$pkg.sig" ]; then
                echo "install.sh: no signature for ${pkg##*/}: nothing was installed" >&2; exit 1
            fi
            if ! pacman-key --verify "$pkg.sig" "$pkg" >/dev/null 2>&1; then
                echo "install.sh: the signature of ${pkg##*/} does not verify with pacman's keyring: nothing was installed" >&2; exit 1
            fi
        done
        pacman -U --noconfirm "$@"
        """);

    /// <summary>Dockerfile and Dockerfile.generate-hash; no bundle variant yet (the bundle's install.sh works in any stage).</summary>
    public IDockerfileRenderer Dockerfiles { get; } =
        new EmbeddedDockerfileTemplates(typeof(ArchDistro).Assembly, "ReproGet.Distros.Arch.Templates", ArchDockerfileInputs.Rules);

    public IReadOnlyList<string> DefaultProviders(DistroContext context) => ArchProviders.For(context);

    public EntryRules Entries { get; } = new(PackageKind.Pacman) { SignatureSuffix = ArchPackageFile.SignatureSuffix };
}
