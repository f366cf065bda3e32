using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Distros.Alpine.Configuration;
using ReproGet.Distros.Alpine.Database;
using ReproGet.Distros.Alpine.Signing;

namespace ReproGet.Distros.Alpine.Locking;

/// <summary>
/// <c>hash generate</c> for Alpine: every installed package (or the named ones) is matched to the exact file an index
/// lists by its control checksum <c>C:</c>, which the installed database records too; a named package that is not
/// installed gets the newest version the indexes list. Each file's SHA-256 comes from <see cref="ApkFileResolver"/>.
/// </summary>
public sealed class AlpineLocker : IPackageLocker
{
    public const string EphemeralWarning =
        "Alpine deletes superseded packages from its mirrors: this lock keeps working only if its files are pushed to a "
        + "store you own (`repro-get oci push` or `repro-get ipfs push`) and that store is used as a provider";

    private const int ParallelFiles = 4;

    public async Task<LockResult> LockAsync(DistroContext context, IReadOnlyList<string> packages, CancellationToken cancellationToken)
    {
        var root = new AlpineRoot(context);
        var installed = await ApkInstalledDatabase.ReadAsync(root.InstalledDatabasePath, cancellationToken).ConfigureAwait(false);
        var architecture = root.Architecture ?? installed.Architecture
            ?? throw new ReproGetException($"cannot tell the architecture: no {context.RootPath("/etc/apk/arch")} and no installed package names one",
                "write the architecture (e.g. x86_64) into /etc/apk/arch of the root");
        var cacheAccess = context.Cache
            ?? throw new ReproGetException("locking Alpine packages needs the cache: their SHA-256 is learned by reading each file once",
                "pass --cache DIR");
        var repositories = context.Repositories
            ?? throw new InvalidOperationException("the Alpine locker needs a repository reader in its DistroContext");
        using var keyring = ApkKeyring.Load(root.KeysDirectory);
        var indexes = await new ApkIndexLoader(root, keyring, repositories, context.Log)
            .LoadAsync(root.Repositories(), architecture, cancellationToken).ConfigureAwait(false);
        var (targets, missing) = SelectTargets(new ApkIndexSet(indexes), installed, packages, context.Log);

        var resolver = new ApkFileResolver(cacheAccess.Open(), keyring, repositories, root.CacheDirectories, context.Log);
        var locked = new LockedFile[targets.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelFiles, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count), parallel, async (i, ct) =>
        {
            var digest = await resolver.ResolveAsync(targets[i], architecture, ct).ConfigureAwait(false);
            locked[i] = new LockedFile(digest, targets[i].Repository.LockNameFor(architecture, targets[i].Stanza.FileName));
        }).ConfigureAwait(false);
        context.Log.Warn(EphemeralWarning);
        var gaps = missing.Count == 0 ? null : new MissingPackages([.. missing],
            $"cannot lock {missing.Count} packages:\n  " + string.Join("\n  ", missing.Select(m => $"{m.Package} {m.Reason}")),
            "Alpine deletes superseded packages: `apk upgrade` to versions the indexes list");
        return new LockResult(locked, gaps);
    }

    private static (List<IndexedPackage> Targets, List<MissingPackage> Missing) SelectTargets(ApkIndexSet indexes,
        ApkInstalledDatabase installed, IReadOnlyList<string> packages, IStatusLog log)
    {
        var names = packages.Count > 0
            ? packages.Distinct(StringComparer.Ordinal).ToList()
            : [.. installed.Packages.Select(p => p.Name)];
        var targets = new List<IndexedPackage>();
        var chosen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var missing = new List<MissingPackage>();
        foreach (var name in names)
        {
            var installedPackage = installed.Find(name);
            IndexedPackage? found;
            if (installedPackage is not null)
            {
                found = installedPackage.Checksum is { } checksum ? indexes.FindByChecksum(checksum) : null;
                if (found is null && packages.Count == 0 && IsVirtual(installedPackage.Name))
                {
                    log.Debug($"{installedPackage}: a virtual package (apk add --virtual), no file to lock");
                    continue;
                }
                if (found is null)
                {
                    missing.Add(new MissingPackage($"{installedPackage}", $"is installed, but no configured index lists that exact file (C:{installedPackage['C']})"));
                }
            }
            else
            {
                found = indexes.FindNewest(name);
                if (found is null)
                {
                    missing.Add(new MissingPackage(name, "is neither installed nor in any configured index"));
                }
            }
            if (found is not null && chosen.Add(found.Stanza))
            {
                targets.Add(found);
            }
        }
        return (targets, missing);
    }

    // `apk add --virtual NAME` records a package with no file; by convention (and abuild's) its name starts with '.'.
    private static bool IsVirtual(string name) => name.StartsWith('.');
}
