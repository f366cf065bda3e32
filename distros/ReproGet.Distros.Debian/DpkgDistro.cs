using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;
using ReproGet.Distros.Debian.Apt;
using ReproGet.Distros.Debian.Dpkg;
using ReproGet.Distros.Debian.Locking;
using ReproGet.Distros.Debian.Provenance;
using ReproGet.Distros.Debian.Resolving;
using ReproGet.Distros.Debian.Templates;

namespace ReproGet.Distros.Debian;

/// <summary>
/// What Debian, Ubuntu and their derivatives share: dpkg's database, apt's lists and sources, <c>*.deb</c> pool
/// files. A subclass gives the name and the archives that keep old files.
/// </summary>
public abstract class DpkgDistro : IDistro
{
    private DpkgLocker? _locker;

    public abstract string Name { get; }

    public bool IsExperimental => false;

    public IPackageLocker Locker => _locker ??= new DpkgLocker(UsesDebianSnapshot);

    public IPackageResolver? Resolver { get; } = new AptResolver();

    public IPackageInstaller Installer { get; } = new DpkgInstaller();

    public IBundleInstaller Bundle { get; } = new BundleInstaller("dpkg", "dpkg --install \"$@\"");

    public IProvenanceVerifier Provenance => new DebianProvenanceVerifier(this);

    public IExpectedSizes Sizes { get; } = new AptListSizes();

    public IDockerfileRenderer Dockerfiles { get; } =
        new EmbeddedDockerfileTemplates(typeof(DpkgDistro).Assembly, "ReproGet.Distros.Debian.Templates", DebianDockerfileInputs.Rules);

    /// <summary>Whether <c>hash generate</c> resolves versions the lists lack through the Debian snapshot archive's layout and API.</summary>
    protected virtual bool UsesDebianSnapshot => false;

    /// <summary>Mirrors to try when the root's sources name none.</summary>
    protected abstract IReadOnlyList<string> FallbackMirrors { get; }

    /// <summary>Archives that keep files after the mirrors drop them, tried after the mirrors.</summary>
    protected abstract IReadOnlyList<string> ArchiveProviders { get; }

    /// <summary>The mirrors of the root's apt sources, then the archives (plain http on purpose: the hash carries the trust).</summary>
    public IReadOnlyList<string> DefaultProviders(DistroContext context)
    {
        var mirrors = MirrorProviders.From(AptSourcesReader.Read(context));
        return [.. mirrors.Count > 0 ? mirrors : FallbackMirrors, .. ArchiveProviders];
    }

    public EntryRules Entries { get; } = new(PackageKind.Deb) { IsProof = n => ProofName.IsInRelease(n) || ProofName.IsPackagesIndex(n) };
}
