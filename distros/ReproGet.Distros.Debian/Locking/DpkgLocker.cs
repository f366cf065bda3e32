using System.Diagnostics;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Distros.Debian.Apt;
using ReproGet.Distros.Debian.Dpkg;
using ReproGet.Distros.Debian.Provenance;
using ReproGet.Distros.Debian.Snapshot;
using ReproGet.Distros.Debian.Versions;

namespace ReproGet.Distros.Debian.Locking;

/// <summary>
/// <c>hash generate</c> for dpkg systems without running apt or dpkg: dpkg's status file says what is installed,
/// apt's lists say where each version lives in the pool and its SHA-256. Installed packages are pinned at their
/// installed version (the Go tool pinned the newest version in the lists, which after a list refresh is not what
/// is installed); named packages that are not installed get apt's candidate.
/// </summary>
/// <param name="debianSnapshot">Installed versions the lists lack are looked up in the Debian snapshot archive
/// (<see cref="DistroContext.SnapshotArchive"/>, when the run gives one): its URL layout and API are Debian's.</param>
internal sealed class DpkgLocker(bool debianSnapshot) : IPackageLocker
{
    private const int MaxListedInError = 10;

    public async Task<LockResult> LockAsync(DistroContext context, IReadOnlyList<string> packages, CancellationToken cancellationToken)
    {
        context.Log.Debug($"locking starts ({Spent()})");
        var (locked, missing, index, nativeArchitecture) = await Task.Run(() => Lock(context, packages, cancellationToken), cancellationToken).ConfigureAwait(false);
        var reasons = new Dictionary<LockTarget, string>();
        var installedMissing = missing.Where(t => t.Installed is not null).ToList();
        // Snapshot finds carry their own chain (the snapshot InRelease and index they were read from), not an apt list's.
        var fromSnapshot = new List<LockedFile>();
        IReadOnlyList<LockedFile> snapshotProofs = [];
        if (debianSnapshot && context.SnapshotArchive is { } snapshot && installedMissing.Count > 0)
        {
            var clock = Stopwatch.StartNew();
            var resolver = new SnapshotResolver(context, snapshot, nativeArchitecture);
            var (found, why) = await resolver.ResolveAsync(installedMissing, cancellationToken).ConfigureAwait(false);
            foreach (var (target, stanza) in found)
            {
                fromSnapshot.Add(Checked(stanza));
                missing.Remove(target);
            }
            reasons = why;
            if (context.LockProvenance)
            {
                snapshotProofs = await resolver.ProofsAsync(found.Values, cancellationToken).ConfigureAwait(false);
            }
            context.Log.Debug($"snapshot archive {snapshot}: {found.Count} of {installedMissing.Count} versions locked ({clock.ElapsedMilliseconds} ms)");
        }
        var files = locked.DistinctBy(l => l.File.Name).ToList();
        var chainClock = Stopwatch.StartNew();
        var proofs = context.LockProvenance && files.Count > 0
            ? await AptListsChain.CollectAsync(context, files, cancellationToken, index.ReadIdentities).ConfigureAwait(false)
            : [];
        if (proofs.Count > 0)
        {
            context.Log.Debug($"signature chain: {proofs.Count} files ({chainClock.ElapsedMilliseconds} ms; {Spent()})");
        }
        return new LockResult([.. proofs, .. snapshotProofs, .. files.Select(l => l.File), .. fromSnapshot.DistinctBy(f => f.Name)],
            Missing(index, missing, reasons));
    }

    private static (List<AptListsChain.Locked> Locked, List<LockTarget> Missing, AptListsIndex Index, string NativeArchitecture) Lock(
        DistroContext context, IReadOnlyList<string> packages, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var status = DpkgStatus.Read(context);
        var targets = Targets(context, status, packages);
        context.Log.Debug($"read dpkg's status: {status.Packages.Count} packages, {targets.Count} to lock ({clock.ElapsedMilliseconds} ms; {Spent()})");
        var index = AptListsIndex.Load(context, targets.Select(t => t.Name).ToHashSet(StringComparer.Ordinal), cancellationToken);
        context.Log.Debug($"read {index.ListFiles.Count} apt lists under {index.Directory} for {targets.Count} packages ({clock.ElapsedMilliseconds} ms; {Spent()})");
        var locked = new List<AptListsChain.Locked>();
        var missing = new List<LockTarget>();
        foreach (var target in targets)
        {
            if (Resolve(index, target) is not { } found)
            {
                missing.Add(target);
                continue;
            }
            locked.Add(new AptListsChain.Locked(Checked(found), found.ListFile));
        }
        return (locked, missing, index, status.NativeArchitecture);
    }

    // Where the time goes (--debug): the process's CPU time so far, all threads, startup included.
    private static string Spent() => $"process CPU so far {Environment.CpuUsage.TotalTime.TotalMilliseconds:F0} ms";

    private static LockedFile Checked(IndexedPackage found) => LockName.Explain(found.Filename) is { } problem
        ? throw new ReproGetException($"{found.ListFile}: {found.Name} {found.Version}: {problem}",
            "the index is damaged or not from a Debian-style archive; `apt-get update` rewrites apt's lists")
        : new LockedFile(found.Sha256, found.Filename);

    private static List<LockTarget> Targets(DistroContext context, DpkgStatus status, IReadOnlyList<string> packages)
    {
        if (packages.Count == 0)
        {
            var installed = status.Packages.Where(p => p.HasFiles).Select(LockTarget.ForInstalled).ToList();
            return installed.Count > 0
                ? installed
                : throw new ReproGetException($"no package is installed according to {context.RootPath(DpkgStatus.StatusPath)}",
                    "is --root the system you mean? name packages to lock their candidate versions instead");
        }
        var targets = new List<LockTarget>();
        foreach (var requested in packages.Select(PackageRequest.Parse))
        {
            var architectures = requested.Architectures(status.NativeArchitecture);
            var installed = status.Packages.Where(p => p.HasFiles && p.Name == requested.Name && architectures.Contains(p.Architecture)).ToList();
            targets.AddRange(installed.Count > 0
                ? installed.Select(LockTarget.ForInstalled)
                : [new LockTarget(requested.Name, architectures, null)]);
        }
        return targets;
    }

    private static IndexedPackage? Resolve(AptListsIndex index, LockTarget target)
    {
        var stanzas = index.Find(target.Name, target.Architectures);
        if (target.Installed is { } installed)
        {
            return stanzas.FirstOrDefault(s => s.Version == installed.Version);
        }
        return stanzas.Where(s => DebianVersion.TryParse(s.Version, out _))
            .OrderByDescending(s => s.Priority)
            .ThenByDescending(s => DebianVersion.Parse(s.Version))
            .FirstOrDefault();
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun} is" : $"{count} {noun}s are";

    private static string List(List<LockTarget> targets) =>
        string.Join(", ", targets.Take(MaxListedInError)) + (targets.Count > MaxListedInError ? $" and {targets.Count - MaxListedInError} more" : "");

    private static MissingPackages? Missing(AptListsIndex index, List<LockTarget> missing, Dictionary<LockTarget, string> reasons)
    {
        if (missing.Count == 0)
        {
            return null;
        }
        var where = index.ListFiles.Count == 0
            ? $"there are no apt lists under {index.Directory}"
            : $"no apt list under {index.Directory} has them";
        var installed = missing.Where(t => t.Installed is not null).ToList();
        var unknown = missing.Where(t => t.Installed is null).ToList();
        var parts = new List<string>();
        if (installed.Count > 0)
        {
            parts.Add($"{Count(installed.Count, "installed package version")} not in apt's lists: {List(installed)}");
        }
        if (unknown.Count > 0)
        {
            parts.Add($"{Count(unknown.Count, "named package")} neither installed nor in apt's lists: {List(unknown)}");
        }
        var hint = index.ListFiles.Count == 0
            ? "run `apt-get update` first (image builds often delete the lists)"
            : installed.Count > 0
                ? "run `apt-get update` against sources that still carry these versions (for Debian, the snapshot archive is tried unless --no-snapshot; see --debug)"
                : "check the names (`apt-cache policy NAME`) or run `apt-get update`";
        return new MissingPackages([.. missing.Select(t => new MissingPackage(t.ToString(), reasons.TryGetValue(t, out var why) ? $"{where}; {why}" : where))],
            $"{string.Join("; ", parts)} ({where})", hint);
    }
}
