using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Distros.Debian.Apt;
using ReproGet.Distros.Debian.Locking;
using ReproGet.Distros.Debian.Provenance;

namespace ReproGet.Distros.Debian.Snapshot;

/// <summary>
/// Locks installed versions that apt's lists no longer carry, from the snapshot archive, trusting a SHA-256 only from
/// a signed index (<see cref="SnapshotSuite"/>):
/// 1. the image's own snapshot time (its sources' comment): one InRelease and one index per suite, which usually
///    cover every base package;
/// 2. per package still missing, the API's <c>binfiles?fileinfo=1</c> (archive, pool path, first_seen), then that
///    time's InRelease and index, whose stanza for that pool path must be exactly this package, version and architecture.
/// What cannot be resolved stays missing, with the reason (a refused link names its file).
/// </summary>
internal sealed class SnapshotResolver(DistroContext context, string baseUrl, string nativeArchitecture)
{
    private readonly SnapshotArchive _archive = new(context, baseUrl);
    private readonly TrustedKeys _keys = TrustedKeys.ForRoot(context);
    private readonly Dictionary<string, Task<List<IndexedPackage>>> _suites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SnapshotChain> _chains = new(StringComparer.Ordinal);

    /// <summary>
    /// The chain behind <paramref name="found"/> stanzas as lock lines (<c>archive/NAME/TIME/dists/SUITE/InRelease</c> and
    /// the index each was read from), each file put into the cache. Every link was verified when the stanza was read.
    /// </summary>
    public async Task<IReadOnlyList<LockedFile>> ProofsAsync(IEnumerable<IndexedPackage> found, CancellationToken cancellationToken)
    {
        using var store = ProofStore.Open(context);
        var proofs = new List<LockedFile>();
        var inReleases = new Dictionary<string, (string Path, List<string> Proves)>(StringComparer.Ordinal);
        foreach (var group in found.GroupBy(f => f.ListFile, StringComparer.Ordinal))
        {
            if (!_chains.TryGetValue(group.Key, out var chain))
            {
                continue;
            }
            var proves = group.Select(f => f.Filename).Distinct(StringComparer.Ordinal).ToList();
            await store.StoreFileAsync(chain.IndexPath, chain.IndexSha256, chain.IndexName, cancellationToken).ConfigureAwait(false);
            proofs.Add(new LockedFile(chain.IndexSha256, chain.IndexName) { Proves = proves });
            if (!inReleases.TryGetValue(chain.InReleaseName, out var entry))
            {
                inReleases[chain.InReleaseName] = entry = (chain.InReleasePath, []);
            }
            entry.Proves.AddRange(proves);
        }
        foreach (var (name, (path, proves)) in inReleases)
        {
            var sha256 = await Sha256Hasher.HashFileAsync(path, cancellationToken).ConfigureAwait(false);
            await store.StoreFileAsync(path, sha256, name, cancellationToken).ConfigureAwait(false);
            proofs.Add(new LockedFile(sha256, name) { Proves = proves });
        }
        return proofs;
    }

    /// <summary>Resolves what it can of <paramref name="targets"/> (installed packages); the rest come back with why.</summary>
    public async Task<(Dictionary<LockTarget, IndexedPackage> Found, Dictionary<LockTarget, string> Reasons)> ResolveAsync(
        IReadOnlyList<LockTarget> targets, CancellationToken cancellationToken)
    {
        var found = new Dictionary<LockTarget, IndexedPackage>();
        var reasons = new Dictionary<LockTarget, string>();
        var sources = SnapshotSourcesReader.Read(context);
        if (sources.Count == 0)
        {
            foreach (var target in targets)
            {
                reasons[target] = "no apt source names a snapshot archive (deb.debian.org/debian, …/debian-security)";
            }
            return (found, reasons);
        }
        var names = targets.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var architectures = targets.SelectMany(t => t.Architectures).Select(Indexed).Distinct(StringComparer.Ordinal).ToList();
        foreach (var source in sources.Where(s => s.ImageTime is not null))
        {
            foreach (var suite in source.Suites)
            {
                var stanzas = await TrySuiteAsync(source.Archive, source.ImageTime!, suite, source.Components, architectures, names, reasons, targets, cancellationToken).ConfigureAwait(false);
                foreach (var target in targets.Where(t => !found.ContainsKey(t)))
                {
                    if (stanzas.FirstOrDefault(s => Matches(s, target)) is { } stanza)
                    {
                        found[target] = stanza;
                        reasons.Remove(target);
                    }
                }
            }
        }
        context.Log.Debug($"snapshot: {found.Count} of {targets.Count} versions found at the image's snapshot time");
        var left = targets.Where(t => !found.ContainsKey(t)).ToList();
        var answers = new List<(LockTarget Target, IReadOnlyList<SnapshotFile> Files)>();
        foreach (var target in left)
        {
            try
            {
                answers.Add((target, await AskApiAsync(target, cancellationToken).ConfigureAwait(false)));
            }
            catch (Exception e) when (e is SnapshotRefusedException or ReproGetException)
            {
                AddReason(reasons, target, (e is SnapshotRefusedException ? "refused: " : "snapshot archive: ") + e.Message);
            }
        }
        // Read each time's index for the packages still missing AND for the packages whose files the API names, so
        // an answer pointing at another package's file is seen (and refused) rather than merely not found.
        var apiNames = left.Select(t => t.Name).Concat(answers.SelectMany(a => a.Files).Select(f => PackageOfFile(f.Filename)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (target, files) in answers)
        {
            try
            {
                if (await ByApiAsync(target, files, sources, architectures, apiNames, cancellationToken).ConfigureAwait(false) is { } stanza)
                {
                    found[target] = stanza;
                    reasons.Remove(target);
                }
            }
            catch (SnapshotRefusedException e)
            {
                AddReason(reasons, target, "refused: " + e.Message);
            }
            catch (ReproGetException e)
            {
                AddReason(reasons, target, "snapshot archive: " + e.Message);
            }
        }
        foreach (var target in targets.Where(t => !found.ContainsKey(t) && !reasons.ContainsKey(t)))
        {
            reasons[target] = "neither apt's lists nor the snapshot archive have it";
        }
        return (found, reasons);
    }

    private async Task<IReadOnlyList<SnapshotFile>> AskApiAsync(LockTarget target, CancellationToken cancellationToken)
    {
        var url = _archive.FileInfoUrl(target.Name, target.Installed!.Version);
        // The API's answer changes as the archive grows: fetched every time, never taken from the cache.
        var path = await _archive.FetchAsync(url, immutable: false, cancellationToken).ConfigureAwait(false);
        return SnapshotApiAnswer.Parse(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), url);
    }

    private async Task<IndexedPackage?> ByApiAsync(LockTarget target, IReadOnlyList<SnapshotFile> answer, IReadOnlyList<SnapshotSource> sources,
        IReadOnlyCollection<string> architectures, IReadOnlySet<string> names, CancellationToken cancellationToken)
    {
        var installed = target.Installed!;
        var refusals = new List<string>();
        foreach (var file in answer.Where(f => f.Architecture == installed.Architecture))
        {
            foreach (var source in sources.Where(s => s.Archive == file.ArchiveName))
            {
                foreach (var suite in source.Suites)
                {
                    var stanzas = await SuiteAsync(source.Archive, file.FirstSeen, suite, source.Components, architectures, names, cancellationToken)
                        .ConfigureAwait(false);
                    if (stanzas.FirstOrDefault(s => s.Filename == file.Filename) is not { } stanza)
                    {
                        continue;
                    }
                    if (Matches(stanza, target))
                    {
                        return stanza;
                    }
                    refusals.Add($"the API points {target} at {file.Filename}, which the signed index {stanza.ListFile} lists as {stanza.Name} {stanza.Version} ({stanza.Architecture})");
                }
            }
        }
        if (refusals.Count > 0)
        {
            throw new SnapshotRefusedException(string.Join("; ", refusals));
        }
        return null;
    }

    private async Task<List<IndexedPackage>> TrySuiteAsync(string archive, string time, string suite, IReadOnlyList<string> components,
        IReadOnlyCollection<string> architectures, IReadOnlySet<string> names, Dictionary<LockTarget, string> reasons,
        IReadOnlyList<LockTarget> targets, CancellationToken cancellationToken)
    {
        try
        {
            return await SuiteAsync(archive, time, suite, components, architectures, names, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SnapshotRefusedException or ReproGetException)
        {
            context.Log.Warn($"snapshot: {(e is SnapshotRefusedException ? "refused " : "")}{e.Message}");
            foreach (var target in targets)
            {
                reasons.TryAdd(target, (e is SnapshotRefusedException ? "refused: " : "snapshot archive: ") + e.Message);
            }
            return [];
        }
    }

    // One fetch and check per suite and time, shared by every package that needs it (each phase asks with the same
    // architectures and names: the image time with all targets, the API's times with those still missing).
    private Task<List<IndexedPackage>> SuiteAsync(string archive, string time, string suite, IReadOnlyList<string> components,
        IReadOnlyCollection<string> architectures, IReadOnlySet<string> names, CancellationToken cancellationToken)
    {
        var key = $"{archive}/{time}/{suite}/{names.Count}";
        if (!_suites.TryGetValue(key, out var task))
        {
            _suites[key] = task = SnapshotSuite.ReadAsync(_archive, archive, time, suite, components, architectures, names, _keys, _chains, cancellationToken);
        }
        return task;
    }

    // Both steps may fail for one package (a refused image-time suite, then no API answer): the report keeps both.
    private static void AddReason(Dictionary<LockTarget, string> reasons, LockTarget target, string reason) =>
        reasons[target] = reasons.TryGetValue(target, out var earlier) ? $"{earlier}; {reason}" : reason;

    // Pool files are named PACKAGE_VERSION_ARCH.deb.
    private static string PackageOfFile(string filename)
    {
        var basename = filename[(filename.LastIndexOf('/') + 1)..];
        var underscore = basename.IndexOf('_');
        return underscore > 0 ? basename[..underscore] : basename;
    }

    // Architecture: all packages are listed in every binary-ARCH index; the native one is always there.
    private string Indexed(string architecture) => architecture == "all" ? nativeArchitecture : architecture;

    private static bool Matches(IndexedPackage stanza, LockTarget target) =>
        stanza.Name == target.Name && stanza.Version == target.Installed?.Version && target.Architectures.Contains(stanza.Architecture);
}
