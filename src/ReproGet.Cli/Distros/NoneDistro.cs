using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Cli.Distros;

/// <summary>
/// No distro: download works with explicit providers (the Go tool's <c>none</c> silently fetched nothing);
/// it has no capabilities, so locking, installing, bundles and Dockerfiles are not available.
/// </summary>
internal sealed class NoneDistro : IDistro
{
    public string Name => "none";

    public bool IsExperimental => false;

    public IReadOnlyList<string> DefaultProviders(DistroContext context) => [];

    public EntryRules Entries => EntryRules.None;

    public IPackageLocker? Locker => null;

    public IPackageInstaller? Installer => null;

    public IBundleInstaller? Bundle => null;

    public IDockerfileRenderer? Dockerfiles => null;
}
