using System.Security.Cryptography;
using System.Text;
using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Projects;

namespace ReproGet.Core.Operations.Locking;

/// <summary>
/// What <c>lock</c> was asked: which architectures (empty = the project's), check only, refresh the indexes; whether to
/// pin the signature chain too, and the run's cache (the private solver states live under its root; the chain's files go into it).
/// </summary>
public sealed record ProjectLockOptions(IReadOnlyList<string> Architectures, bool Check, bool Refresh, string CacheRoot)
{
    public bool Provenance { get; init; } = true;

    public CacheAccess? Cache { get; init; }
}

/// <summary>One architecture's lock: where it lives, its fresh text, and how the file on disk differs from it.</summary>
public sealed record ArchitectureLock(string Architecture, string Path, string Text, string Solver, bool Existed,
    IReadOnlyList<LockDifference> Differences)
{
    public bool IsCurrent => Existed && Differences.Count == 0;
}

public sealed record ProjectLockResult(IReadOnlyList<ArchitectureLock> Locks, bool Written)
{
    public bool IsCurrent => Locks.All(l => l.IsCurrent);
}

/// <summary>
/// <c>lock</c>: resolves a project file's packages with the distro's own solver for each architecture, deduplicates
/// against the base, and writes <c>SHA256SUMS-&lt;arch&gt;</c> next to the project file, in the same grammar as
/// <c>hash generate</c>. Every architecture is resolved before anything is written, and each file is replaced by
/// rename, so a failure leaves every lock as it was. With <c>Check</c> nothing is written: the result says what differs.
/// </summary>
public static class ProjectLock
{
    public const string StateFolder = "resolve";

    public static async Task<ProjectLockResult> RunAsync(ProjectFile project, IDistro distro, ProjectLockOptions options,
        IStatusLog log, CancellationToken cancellationToken)
    {
        var resolver = distro.Resolver ?? throw new ReproGetException(
            $"{project.Path}: `lock` has no solver for distro \"{distro.Name}\"",
            $"lock inside a {distro.Name} system instead: install the packages, then `repro-get hash generate`");
        var architectures = options.Architectures.Count == 0 ? project.Architectures : options.Architectures;
        foreach (var architecture in architectures.Where(a => !project.Architectures.Contains(a)))
        {
            throw new ReproGetException($"--arch {architecture}: {project.Path} does not list it in `architectures`",
                $"add it to architectures, or pick one of: {string.Join(", ", project.Architectures)}");
        }
        var locks = await Task.WhenAll(architectures.Select(a => LockAsync(project, resolver, a, options, log, cancellationToken)))
            .ConfigureAwait(false);
        var written = false;
        if (!options.Check)
        {
            written = Write(locks);
        }
        return new ProjectLockResult(locks, written);
    }

    public static string LockPath(ProjectFile project, string architecture) =>
        Path.Combine(project.Directory, $"SHA256SUMS-{architecture}");

    private static async Task<ArchitectureLock> LockAsync(ProjectFile project, IPackageResolver resolver, string architecture,
        ProjectLockOptions options, IStatusLog log, CancellationToken cancellationToken)
    {
        var request = new ResolveRequest
        {
            Sources = project.Sources,
            Architecture = architecture,
            Packages = project.Packages,
            Recommends = project.Recommends,
            StatusFile = project.Base.Kind == ProjectBaseKind.Status ? project.Base.Path : null,
            BaseRoot = project.Base.Kind == ProjectBaseKind.Root ? project.Base.Path : null,
            Release = project.ReleaseVersion,
            Keyring = project.Keyring,
            Snapshot = project.Snapshot,
            StateDirectory = StateDirectory(options.CacheRoot, project, architecture),
            Refresh = options.Refresh || options.Check,
            LockProvenance = options.Provenance,
            Cache = options.Cache,
        };
        var resolution = await resolver.ResolveAsync(request, log, cancellationToken).ConfigureAwait(false);
        var files = resolution.Files;
        if (project.Base.Kind == ProjectBaseKind.Lock)
        {
            var basePath = project.Base.PathFor(architecture)!;
            files = File.Exists(basePath)
                ? LockDedupe.Apply(files, basePath)
                : throw new ReproGetException($"base lock {basePath} does not exist", "lock the base first, or change `base`");
        }
        var text = Header(project, architecture, resolution.Solver)
            + Sha256SumsWriter.Format(files.Select(f => new LockEntry(f.Name, f.Sha256)));
        var path = LockPath(project, architecture);
        var existed = File.Exists(path);
        IReadOnlyList<LockDifference> differences;
        try
        {
            differences = LockComparison.Compare(existed ? File.ReadAllText(path) : "", text);
        }
        catch (FormatException e)
        {
            throw new ReproGetException($"{path}: {e.Message}", "the lock is damaged; run `repro-get lock` to write it again");
        }
        return new ArchitectureLock(architecture, path, text, resolution.Solver, existed, differences);
    }

    /// <summary>The comment line that records how the lock was made (readers skip <c>#</c> lines, as the Go tool does).</summary>
    private static string Header(ProjectFile project, string architecture, string solver)
    {
        var snapshot = project.Snapshot is { } time ? $", snapshot {time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}" : "";
        return $"# repro-get lock: {project.Distro} {architecture} from {Path.GetFileName(project.Path)}, resolved by {solver}{snapshot}\n";
    }

    /// <summary>One private state per distro, sources, snapshot, keyring and architecture, so cached indexes are reused only for the same question.</summary>
    public static string StateDirectory(string cacheRoot, ProjectFile project, string architecture)
    {
        var identity = string.Join('\n', [project.Distro, architecture, project.Snapshot?.ToUnixTimeSeconds().ToString() ?? "",
            project.Keyring ?? "", project.Base.Kind == ProjectBaseKind.Root ? project.Base.Path! : "", .. project.Sources]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        return Path.Combine(cacheRoot, StateFolder, $"{project.Distro}-{architecture}-{hash}");
    }

    // All temp files first, then the renames: a failure before the renames leaves every lock untouched.
    private static bool Write(IReadOnlyList<ArchitectureLock> locks)
    {
        var changed = locks.Where(l => !l.Existed || File.ReadAllText(l.Path) != l.Text).ToList();
        var temps = new List<(string Temp, string Path)>();
        try
        {
            foreach (var entry in changed)
            {
                var temp = Path.Combine(Path.GetDirectoryName(entry.Path)!, $".{Path.GetFileName(entry.Path)}.{Environment.ProcessId}.tmp");
                File.WriteAllText(temp, entry.Text);
                temps.Add((temp, entry.Path));
            }
            foreach (var (temp, path) in temps)
            {
                File.Move(temp, path, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temp, _) in temps.Where(t => File.Exists(t.Temp)))
            {
                File.Delete(temp);
            }
        }
        return changed.Count > 0;
    }
}
