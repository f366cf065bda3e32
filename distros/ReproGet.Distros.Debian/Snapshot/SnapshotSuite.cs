using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Distros.Debian.Apt;
using ReproGet.Distros.Debian.Provenance;
using ReproGet.Formats.Compression;

namespace ReproGet.Distros.Debian.Snapshot;

/// <summary>
/// One suite of the snapshot archive at one time, read through the provenance chain: the <c>InRelease</c> checked with
/// gpgv against the root's keys (<see cref="InReleaseVerifier"/>, as of its own signature time), the index checked
/// against the SHA-256 and size the signed Release lists (<see cref="ReleaseFile.CheckIndex"/>), and only then the
/// stanzas of the wanted packages read from those same index bytes. Any broken link refuses the whole suite, named.
/// Each index read is recorded in <c>chains</c> by its URL (the stanzas' <c>ListFile</c>), so the lock can carry its chain.
/// </summary>
internal static class SnapshotSuite
{
    private static readonly string[] IndexSuffixes = [".xz", ".gz", ""];

    /// <summary>The wanted packages' stanzas of <paramref name="suite"/>'s indexes for <paramref name="architectures"/>.</summary>
    public static async Task<List<IndexedPackage>> ReadAsync(SnapshotArchive archive, string archiveName, string time, string suite,
        IReadOnlyList<string> components, IReadOnlyCollection<string> architectures, IReadOnlySet<string> names, TrustedKeys keys,
        IDictionary<string, SnapshotChain> chains, CancellationToken cancellationToken)
    {
        var suiteUrl = archive.SuiteUrl(archiveName, time, suite);
        var inRelease = await archive.FetchAsync(suiteUrl + "InRelease", immutable: true, cancellationToken).ConfigureAwait(false);
        var check = await InReleaseVerifier.VerifyAsync(inRelease, keys, asOf: null, cancellationToken).ConfigureAwait(false);
        if (!check.IsValid)
        {
            throw new SnapshotRefusedException($"{suiteUrl}InRelease: {check.Failure}");
        }
        var release = check.Release!;
        if (!release.Names(suite))
        {
            throw new SnapshotRefusedException($"{suiteUrl}InRelease is the Release of {release.Codename ?? release.Suite ?? "another suite"}, not of {suite}");
        }
        var lookup = names.ToDictionary(n => n, n => n, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var found = new List<IndexedPackage>();
        foreach (var component in components)
        {
            foreach (var architecture in architectures)
            {
                var plain = $"{component}/binary-{architecture}/Packages";
                var listed = IndexSuffixes.Select(s => plain + s).Where(p => release.Find(p) is not null).ToList();
                if (listed.Count == 0)
                {
                    continue;
                }
                var (path, index) = await FetchFirstAsync(archive, suiteUrl, listed, cancellationToken).ConfigureAwait(false);
                var indexUrl = suiteUrl + path;
                var sha256 = await Sha256Hasher.HashFileAsync(index, cancellationToken).ConfigureAwait(false);
                if (release.CheckIndex(path, sha256, new FileInfo(index).Length) is { } failure)
                {
                    throw new SnapshotRefusedException($"{indexUrl}: {failure}");
                }
                var root = ProofName.SnapshotRoot(archiveName, time, suite);
                lock (chains)
                {
                    chains[indexUrl] = new SnapshotChain($"{root}/{ProofName.InReleaseFile}", inRelease, $"{root}/{path}", index, sha256);
                }
                await using var stream = Decompression.Open(File.OpenRead(index), CompressionDetector.FromSuffix(path), indexUrl);
                PackagesListScanner.Scan(stream, lookup, (name, stanza) =>
                    found.Add(new IndexedPackage(name, stanza.Architecture, stanza.Version, stanza.Filename, stanza.Sha256, ReleasePriority.Default, indexUrl)));
            }
        }
        return found;
    }

    // The Release lists the index in several compressions; a mirror may not serve them all.
    private static async Task<(string Path, string File)> FetchFirstAsync(SnapshotArchive archive, string suiteUrl, List<string> paths,
        CancellationToken cancellationToken)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return (paths[i], await archive.FetchAsync(suiteUrl + paths[i], immutable: true, cancellationToken).ConfigureAwait(false));
            }
            catch (ReproGetException) when (i < paths.Count - 1)
            {
            }
        }
    }
}
