using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;
using ReproGet.Distros.Alpine.Configuration;
using ReproGet.Distros.Alpine.Installing;
using ReproGet.Distros.Alpine.Locking;
using ReproGet.Distros.Alpine.Resolving;

namespace ReproGet.Distros.Alpine;

/// <summary>
/// Alpine Linux (apk): locks installed packages by matching apk's installed database to the signed indexes, learns
/// each file's SHA-256 by reading it once (apk's cache, else its repository), checks Alpine's RSA signatures with
/// .NET's own crypto, and installs with one <c>apk add --no-network</c> transaction.
/// </summary>
public sealed class AlpineDistro : IDistro
{
    /// <summary>The Go tool's default; like every Alpine mirror it keeps only current packages.</summary>
    public const string CdnProvider = "https://dl-cdn.alpinelinux.org/alpine/{{.Name}}";

    private int _ephemeralNoted;

    public string Name => "alpine";

    // Installing needs apk, which runs only on Alpine: that path is not exercised on the machines that build repro-get.
    public bool IsExperimental => true;

    public IPackageLocker Locker { get; } = new AlpineLocker();

    public IPackageResolver? Resolver { get; } = new ApkResolver();

    public IPackageInstaller Installer { get; } = new AlpineInstaller();

    public IExpectedSizes Sizes { get; } = new ApkIndexSizes();

    // apk checks each file's signature with the image's own /etc/apk/keys: never --allow-untrusted.
    public IBundleInstaller Bundle { get; } = new BundleInstaller(ApkAddCommand.Tool, "apk add --no-network \"$@\"");

    public IDockerfileRenderer? Dockerfiles => null;

    public IProvenanceVerifier Provenance => new Signing.ApkProvenanceVerifier(this);

    /// <summary>The configured repositories' mirrors, then Alpine's CDN; all ephemeral, which the user is told once.</summary>
    public IReadOnlyList<string> DefaultProviders(DistroContext context)
    {
        if (Interlocked.Exchange(ref _ephemeralNoted, 1) == 0)
        {
            context.Log.Warn("Alpine's default providers are ephemeral: its mirrors delete superseded packages. "
                + "Push the locked files to a store you own (oci push, ipfs push) and name it with --provider");
        }
        return [.. new AlpineRoot(context).Repositories().Select(r => r.MirrorProvider).Append(CdnProvider).Distinct(StringComparer.Ordinal)];
    }

    public EntryRules Entries { get; } = new(PackageKind.Apk);
}
