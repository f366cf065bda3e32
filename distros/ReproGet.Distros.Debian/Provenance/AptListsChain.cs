using ReproGet.Core.Distros;
using ReproGet.Core.Files;
using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// Lock time: the chain of the apt lists the locked packages came from. Per suite, gpgv checks the InRelease apt
/// kept byte for byte; per list, the inflated index must be the <c>Packages</c> that InRelease lists, and must list
/// each locked file with its hash. Only links that verify are written: a lock never records a chain that does not
/// verify. Packages left without proof are named in one warning (verify will report them failed).
/// A list whose file the lock's own scan read (<c>readIdentities</c>) and whose inflated digest an earlier run
/// recorded for that very identity (<see cref="ProofStore.FindListDigest"/>) is not read again: the stanzas the scan
/// found are the index's, so every file locked from it is listed there.
/// </summary>
internal static class AptListsChain
{
    public sealed record Locked(LockedFile File, string ListFile);

    /// <param name="readIdentities">The identity of each list file as the scan that found the locked stanzas read it
    /// (<see cref="Apt.AptListsIndex.ReadIdentities"/>); lists not in it are read and hashed here.</param>
    /// <param name="trusted">The keys apt verified the lists with (<c>lock</c>: the sources' signed-by); null = the root's (<see cref="TrustedKeys.ForRoot"/>).</param>
    public static async Task<IReadOnlyList<LockedFile>> CollectAsync(DistroContext context, IReadOnlyList<Locked> locked, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, FileIdentity>? readIdentities = null, TrustedKeys? trusted = null)
    {
        var lists = locked.GroupBy(l => l.ListFile, StringComparer.Ordinal)
            .Select(g => (List: g.Key, Files: g.Select(l => l.File).ToList(), Place: AptListPlace.Locate(g.Key)))
            .ToList();
        using var store = ProofStore.Open(context);
        var inReleasePaths = lists.Select(l => l.Place).OfType<AptListPlace>().Select(p => p.InReleasePath).Distinct(StringComparer.Ordinal).ToList();
        var keys = inReleasePaths.Count > 0 ? KeyringSnapshot.Read(trusted ?? TrustedKeys.ForRoot(context)) : null;
        var checks = await Task.WhenAll(inReleasePaths.Select(async path => (path, Verified: await store.VerifyInReleaseAsync(path, keys!, cancellationToken).ConfigureAwait(false))))
            .ConfigureAwait(false);
        var signatures = checks.ToDictionary(c => c.path, c => c.Verified.Check, StringComparer.Ordinal);
        var inReleaseDigests = checks.ToDictionary(c => c.path, c => c.Verified.Sha256, StringComparer.Ordinal);
        var problems = new List<string>();
        var unproven = 0;
        var indexes = await Task.WhenAll(lists.Select(l => Task.Run(async () =>
            await ProveListAsync(l.List, l.Files, l.Place, readIdentities?.GetValueOrDefault(l.List), signatures, store, cancellationToken)
                .ConfigureAwait(false), cancellationToken)))
            .ConfigureAwait(false);
        var proofs = new List<LockedFile>();
        var inReleases = new Dictionary<string, (AptListPlace Place, List<string> Proves)>(StringComparer.Ordinal);
        foreach (var (index, place, problem, missing) in indexes)
        {
            unproven += missing;
            if (problem is not null)
            {
                problems.Add(problem);
            }
            if (index is null)
            {
                continue;
            }
            proofs.Add(index);
            var name = ProofName.InRelease(place!.Suite);
            if (!inReleases.TryGetValue(name, out var entry))
            {
                inReleases[name] = entry = (place, []);
            }
            entry.Proves.AddRange(index.Proves!);
        }
        foreach (var (name, (place, proves)) in inReleases)
        {
            // The digest of the bytes gpgv judged (or whose verdict was recorded); storing checks the file still has it.
            var sha256 = inReleaseDigests[place.InReleasePath];
            await store.StoreFileAsync(place.InReleasePath, sha256, name, cancellationToken).ConfigureAwait(false);
            proofs.Add(new LockedFile(sha256, name) { Proves = proves });
        }
        // Two archives with the same suite name (a mirror and a copy) would share lock names: keep the first chain.
        var duplicate = proofs.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Select(p => p.Sha256).Distinct().Count() > 1).Select(g => g.Key).ToList();
        if (duplicate.Count > 0)
        {
            problems.Add($"two archives use the same names {string.Join(", ", duplicate)}: only the first is kept");
        }
        if (unproven > 0 || problems.Count > 0)
        {
            context.Log.Warn($"{unproven} of {locked.Count} locked files have no signature chain in the lock (verify will report them failed): {string.Join("; ", problems)}");
        }
        return [.. proofs.DistinctBy(p => p.Name)];
    }

    private static async Task<(LockedFile? Index, AptListPlace? Place, string? Problem, int Unproven)> ProveListAsync(string list, List<LockedFile> files,
        AptListPlace? place, FileIdentity? readIdentity, Dictionary<string, SignatureCheck> signatures, ProofStore store, CancellationToken cancellationToken)
    {
        var listName = Path.GetFileName(list);
        if (place is null)
        {
            return (null, null, $"{listName} has no InRelease next to it", files.Count);
        }
        var check = signatures[place.InReleasePath];
        if (!check.IsValid)
        {
            return (null, place, $"{Path.GetFileName(place.InReleasePath)}: {check.Failure}", files.Count);
        }
        if (!check.Release!.Names(place.Suite))
        {
            return (null, place, $"{Path.GetFileName(place.InReleasePath)} is the Release of {check.Release.Codename}, not of {place.Suite}", files.Count);
        }
        if (check.Release.Find(place.PathInRelease) is not { } listed)
        {
            return (null, place, $"{listName}: {place.PathInRelease} is not listed in its InRelease", files.Count);
        }
        var name = ProofName.Index(place.Suite, place.PathInRelease);
        if (readIdentity is { } identity && store.FindListDigest(identity) is { } recorded
            && check.Release.CheckIndex(place.PathInRelease, recorded.Sha256, recorded.Size) is null
            && await store.EnsureIndexCachedAsync(list, name, listed.Sha256, cancellationToken).ConfigureAwait(false))
        {
            return (new LockedFile(listed.Sha256, name) { Proves = [.. files.Select(f => f.Name)] }, place, null, 0);
        }
        var scan = await store.ScanIndexAsync(list, name, listed.Sha256, files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal), cancellationToken)
            .ConfigureAwait(false);
        if (check.Release.CheckIndex(place.PathInRelease, scan.Sha256, scan.Size) is { } failure)
        {
            return (null, place, $"{listName}: {failure} (apt-get update rewrites it)", files.Count);
        }
        var proven = files.Where(f => scan.CheckEntry(f.Name, f.Sha256) is null).Select(f => f.Name).ToList();
        return (new LockedFile(listed.Sha256, name) { Proves = proven }, place, null, files.Count - proven.Count);
    }
}
