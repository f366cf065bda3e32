using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Distros.Arch.Configuration;
using ReproGet.Distros.Arch.Database;

namespace ReproGet.Distros.Arch.Locking;

/// <summary>
/// Locks installed packages from pacman's own databases, downloading nothing: the local database says which
/// versions are installed, the sync databases give each file's name, SHA-256 (<c>%SHA256SUM%</c>) and detached
/// signature (<c>%PGPSIG%</c>). The Go tool instead downloaded every package and signature to hash them.
/// </summary>
public sealed class PacmanLocker : IPackageLocker
{
    public async Task<LockResult> LockAsync(DistroContext context, IReadOnlyList<string> packages,
        CancellationToken cancellationToken)
    {
        var config = PacmanConfig.Load(context);
        var databasePath = context.RootPath(config.DatabasePath);
        var installed = LocalDatabase.Read(databasePath);
        var syncDirectory = Path.Combine(databasePath, "sync");
        var index = SyncIndex.Load(syncDirectory, config);
        if (index.Databases.Count == 0)
        {
            throw new ReproGetException($"no sync database in \"{syncDirectory}\"",
                "run `pacman -Sy` first (for another root: `pacman --root ROOT --dbpath ROOT/var/lib/pacman -Sy`)");
        }
        var (targets, missing) = Resolve(context, packages, installed, index, databasePath);
        var locked = new List<LockedFile>();
        var signatures = new List<LockedSignature>();
        foreach (var package in targets.DistinctBy(p => p.FileName))
        {
            var name = ArchPackageFile.ArchiveName(package.Name, package.FileName);
            locked.Add(new LockedFile(package.Sha256, name));
            if (SignatureBytes(context, config, package) is { } bytes)
            {
                var signature = new LockedSignature(package.FileName + ArchPackageFile.SignatureSuffix, bytes);
                signatures.Add(signature);
                locked.Add(new LockedFile(signature.Sha256, name + ArchPackageFile.SignatureSuffix));
            }
            else
            {
                context.Log.Warn($"no signature for {package.FileName}: the {package.Repository} database has no %PGPSIG% "
                    + "and pacman's cache no .sig file; `install` will refuse this package");
            }
        }
        await SignatureStore.StoreAsync(context, signatures, cancellationToken).ConfigureAwait(false);
        var gaps = missing.Count == 0 ? null : new MissingPackages(
            [.. missing.Select(m => new MissingPackage(m, "no sync database lists it"))],
            $"no sync database lists {string.Join(", ", missing)} (read {string.Join(", ", index.Databases.Select(Path.GetFileName))})",
            "run `pacman -Sy` to refresh the databases; a version the repositories no longer carry must be upgraded first (`pacman -Syu`)");
        return new LockResult(locked, gaps);
    }

    private static (List<SyncPackage> Targets, List<string> Missing) Resolve(DistroContext context, IReadOnlyList<string> packages,
        IReadOnlyDictionary<string, InstalledPackage> installed, SyncIndex index, string databasePath)
    {
        var targets = new List<SyncPackage>();
        var missing = new List<string>();
        if (packages.Count == 0 && installed.Count == 0)
        {
            throw new ReproGetException($"no package is installed according to \"{Path.Combine(databasePath, "local")}\"",
                "check --root, or name the packages to lock");
        }
        var names = packages.Count == 0
            ? installed.Keys.Order(StringComparer.Ordinal)
            : packages.Select(NameOf).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (installed.TryGetValue(name, out var package))
            {
                if (index.Find(package) is { } file)
                {
                    targets.Add(file);
                }
                else
                {
                    missing.Add($"{package.Name} {package.Version} ({package.Architecture})");
                }
            }
            else if (index.Candidate(name) is { } candidate)
            {
                context.Log.Info($"{name} is not installed: locking {candidate.Version} from {candidate.Repository}");
                targets.Add(candidate);
            }
            else
            {
                missing.Add($"{name} (not installed)");
            }
        }
        return (targets, missing);
    }

    // `hash update` asks for name:arch keys; pacman names never contain ':'.
    private static string NameOf(string requested)
    {
        var colon = requested.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? requested : requested[..colon];
    }

    // pacman (≥ 6) keeps the .sig it downloads beside the package when the database carries no %PGPSIG%.
    private static byte[]? SignatureBytes(DistroContext context, PacmanConfig config, SyncPackage package)
    {
        if (package.Signature is not null)
        {
            return package.Signature;
        }
        var cached = Path.Combine(context.RootPath(config.CachePath), package.FileName + ArchPackageFile.SignatureSuffix);
        return File.Exists(cached) ? File.ReadAllBytes(cached) : null;
    }
}
