using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Distros.Fedora.Repodata;
using ReproGet.Distros.Fedora.Rpm;

namespace ReproGet.Distros.Fedora.Locking;

/// <summary>
/// Locks packages without downloading any: <c>rpm -qa</c> says what the root has installed, and the repository
/// metadata dnf cached under the root (<c>repomd.xml</c> → <c>primary.xml</c>) gives each file's SHA-256 and
/// source rpm. The Go tool instead downloaded every package from Koji to hash it.
/// </summary>
public sealed class RpmLocker : IPackageLocker
{
    public async Task<LockResult> LockAsync(DistroContext context, IReadOnlyList<string> packages,
        CancellationToken cancellationToken)
    {
        var repositories = CachedRepository.Find(context.RootPath);
        if (repositories.Count == 0)
        {
            throw new ReproGetException(
                $"no repository metadata cached in \"{context.RootPath("/var/cache/dnf")}\" or \"{context.RootPath("/var/cache/libdnf5")}\"",
                "run `dnf makecache` first (for another root: `dnf --installroot ROOT makecache`)");
        }
        var index = await RepositoryIndex.LoadAsync(repositories, cancellationToken).ConfigureAwait(false);
        var installed = await RpmDatabase.ReadAsync(context, cancellationToken).ConfigureAwait(false);
        var (targets, missing) = Resolve(context, packages, installed, index);
        var locked = new List<LockedFile>();
        foreach (var package in targets.DistinctBy(p => p.FileName))
        {
            if (RpmPackageFile.KojiName(package.SourceRpm, package.Architecture, package.FileName) is { } name)
            {
                locked.Add(new LockedFile(package.Sha256, name));
            }
            else
            {
                context.Log.Warn($"skipping {package.FileName}: the {package.Repository} metadata names no source rpm for it");
            }
        }
        var gaps = missing.Count == 0 ? null : new MissingPackages(
            [.. missing.Select(m => new MissingPackage(m, "no cached repository metadata lists it"))],
            $"no cached repository metadata lists {string.Join(", ", missing)} (read {string.Join(", ", index.Repositories)})",
            "run `dnf makecache` to refresh the metadata; a version the repositories no longer carry must be upgraded first (`dnf upgrade`)");
        return new LockResult(locked, gaps);
    }

    private static (List<RepoPackage> Targets, List<string> Missing) Resolve(DistroContext context, IReadOnlyList<string> packages,
        IReadOnlyList<InstalledRpm> installed, RepositoryIndex index)
    {
        if (packages.Count == 0 && installed.Count == 0)
        {
            throw new ReproGetException($"`rpm --root {context.Root} -qa` lists no installed package",
                "check --root, or name the packages to lock");
        }
        var targets = new List<RepoPackage>();
        var missing = new List<string>();
        var wanted = packages.Count == 0
            ? installed.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Architecture, StringComparer.Ordinal).ToList()
            : null;
        foreach (var requested in packages.Distinct(StringComparer.Ordinal))
        {
            var (name, architecture) = Split(requested);
            var matches = installed.Where(p => p.Name == name && (architecture is null || p.Architecture == architecture)).ToList();
            if (matches.Count > 0)
            {
                (wanted ??= []).AddRange(matches);
            }
            else if (Candidate(index, name, architecture) is { } candidate)
            {
                context.Log.Info($"{requested} is not installed: locking {candidate.FileName} from {candidate.Repository}");
                targets.Add(candidate);
            }
            else
            {
                missing.Add($"{requested} (not installed)");
            }
        }
        foreach (var package in wanted ?? [])
        {
            if (index.Find(package.Name, package.Epoch, package.Version, package.Release, package.Architecture) is { } file)
            {
                targets.Add(file);
            }
            else
            {
                missing.Add(package.ToString());
            }
        }
        return (targets, missing);
    }

    // `hash update` asks for name:arch keys; rpm names never contain ':'.
    private static (string Name, string? Architecture) Split(string requested)
    {
        var colon = requested.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (requested, null) : (requested[..colon], requested[(colon + 1)..]);
    }

    private static RepoPackage? Candidate(RepositoryIndex index, string name, string? architecture)
    {
        RepoPackage? best = null;
        foreach (var package in index.ByName(name).Where(p => architecture is null || p.Architecture == architecture))
        {
            if (best is null || RpmVersion.Compare(package.Epoch, package.Version, package.Release,
                    best.Epoch, best.Version, best.Release) > 0)
            {
                best = package;
            }
        }
        return best;
    }
}
