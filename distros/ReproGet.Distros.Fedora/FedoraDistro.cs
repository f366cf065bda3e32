using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;
using ReproGet.Distros.Fedora.Configuration;
using ReproGet.Distros.Fedora.Installing;
using ReproGet.Distros.Fedora.Locking;
using ReproGet.Distros.Fedora.Resolving;

namespace ReproGet.Distros.Fedora;

/// <summary>
/// Fedora and the RPM distros that name it in <c>ID_LIKE</c> (RHEL, CentOS, Rocky, Alma): locks from the rpm
/// database and dnf's cached repository metadata (nothing downloaded), names files by Koji's layout as the Go tool
/// does, and installs with one signature-checked <c>rpm -Uvh</c> transaction.
/// </summary>
public sealed class FedoraDistro : IDistro
{
    public string Name => "fedora";

    public bool IsExperimental => false;

    public IPackageLocker Locker { get; } = new RpmLocker();

    public IPackageInstaller Installer { get; } = new RpmInstaller();

    public IPackageResolver? Resolver { get; } = new DnfResolver();

    public IExpectedSizes Sizes { get; } = new Repodata.RepodataSizes();

    // A valid signature is demanded of every file before the one transaction: plain `rpmkeys --checksig` passes unsigned files.
    public IBundleInstaller Bundle { get; } = new BundleInstaller("rpm", """
        for pkg in "$@"; do
            if ! rpmkeys --define '_pkgverify_level all' --checksig "$pkg" | grep -q 'signatures OK'; then
                echo "install.sh: ${pkg##*/} has no valid signature from a key in rpm's database: nothing was installed" >&2; exit 1
            fi
        done
        rpm -Uvh "$@"
        """);

    public IDockerfileRenderer? Dockerfiles => null;

    public IReadOnlyList<string> DefaultProviders(DistroContext context)
    {
        context.Log.Info(FedoraProviders.KojiNote);
        return FedoraProviders.For(context);
    }

    public EntryRules Entries { get; } = new(PackageKind.Rpm);
}
