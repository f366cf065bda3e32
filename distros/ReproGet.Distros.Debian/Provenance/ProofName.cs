namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// Lock names of the chain's files, laid out as on the archive so any provider that serves <c>{{.Name}}</c> from a
/// mirror or snapshot serves them: <c>dists/&lt;suite&gt;/InRelease</c> and
/// <c>dists/&lt;suite&gt;/&lt;component&gt;/binary-&lt;arch&gt;/Packages[.xz]</c> for apt's lists; for a suite read
/// from the snapshot archive at one time, the snapshot archive's own path,
/// <c>archive/&lt;archive&gt;/&lt;time&gt;/dists/&lt;suite&gt;/…</c>: distinct from the live suite's names (the same
/// lock may carry both, or two times of one suite), and served as is by a <c>http://snapshot.debian.org/{{.Name}}</c>
/// provider. A suite's <em>root</em> is its name up to <c>/InRelease</c>: the key that ties indexes to their InRelease.
/// </summary>
public static class ProofName
{
    public const string Prefix = "dists/";
    public const string SnapshotPrefix = "archive/";
    public const string InReleaseFile = "InRelease";

    /// <summary>The root of a snapshot suite: <c>archive/debian/20250510T000000Z/dists/bookworm</c>.</summary>
    public static string SnapshotRoot(string archive, string time, string suite) => $"{SnapshotPrefix}{archive}/{time}/{Prefix}{suite}";

    public static string InRelease(string suiteDirectory) => $"{Prefix}{suiteDirectory}/{InReleaseFile}";

    /// <summary>The lock name of an index listed as <paramref name="pathInRelease"/> in the suite's Release.</summary>
    public static string Index(string suiteDirectory, string pathInRelease) => $"{Prefix}{suiteDirectory}/{pathInRelease}";

    /// <summary>True for any name under <c>dists/</c> or a snapshot's <c>archive/NAME/TIME/dists/</c> (the chain's files; never a package).</summary>
    public static bool IsProof(string name) => name.StartsWith(Prefix, StringComparison.Ordinal) || SnapshotDistsLength(name) > 0;

    public static bool IsInRelease(string name) =>
        IsProof(name) && name.EndsWith("/" + InReleaseFile, StringComparison.Ordinal) && name.Length > DistsLength(name) + InReleaseFile.Length + 1;

    /// <summary>The suite root of an InRelease name: <c>dists/bookworm/InRelease</c> → <c>dists/bookworm</c>.</summary>
    public static string RootOfInRelease(string inReleaseName) => inReleaseName[..^(InReleaseFile.Length + 1)];

    /// <summary>The suite directory of a root: <c>archive/debian/T/dists/bookworm/updates</c> → <c>bookworm/updates</c>.</summary>
    public static string SuiteOfRoot(string root) => root[DistsLength(root)..];

    /// <summary>True for a Packages index name (plain or compressed).</summary>
    public static bool IsPackagesIndex(string name)
    {
        if (!IsProof(name))
        {
            return false;
        }
        var file = name[(name.LastIndexOf('/') + 1)..];
        return file is "Packages" or "Packages.xz" or "Packages.gz" or "Packages.zst" or "Packages.lz4" or "Packages.bz2";
    }

    /// <summary>The suite directory of an InRelease name: <c>dists/bookworm/InRelease</c> → <c>bookworm</c>.</summary>
    public static string SuiteOfInRelease(string inReleaseName) => SuiteOfRoot(RootOfInRelease(inReleaseName));

    /// <summary>
    /// Splits an index name into the root of the suite it belongs to and its path in that suite's Release, choosing
    /// the longest root among <paramref name="roots"/> (suites may contain '/': <c>dists/bookworm/updates</c>).
    /// </summary>
    public static (string Root, string PathInRelease)? SplitIndex(string indexName, IEnumerable<string> roots)
    {
        var best = roots.Where(r => indexName.StartsWith(r + "/", StringComparison.Ordinal))
            .OrderByDescending(r => r.Length).FirstOrDefault();
        return best is null ? null : (best, indexName[(best.Length + 1)..]);
    }

    // Where the suite directory starts: after "dists/", or after a snapshot's "archive/NAME/TIME/dists/".
    private static int DistsLength(string name) => SnapshotDistsLength(name) is > 0 and var length ? length : Prefix.Length;

    // "archive/" NAME "/" TIME "/dists/", TIME as the snapshot archive writes it (20250510T000000Z); 0 when not such a name.
    private static int SnapshotDistsLength(string name)
    {
        if (!name.StartsWith(SnapshotPrefix, StringComparison.Ordinal))
        {
            return 0;
        }
        var parts = name.Split('/');
        if (parts.Length < 5 || parts[1].Length == 0 || parts[3] != "dists" || !IsSnapshotTime(parts[2]))
        {
            return 0;
        }
        return SnapshotPrefix.Length + parts[1].Length + 1 + parts[2].Length + 1 + Prefix.Length;
    }

    private static bool IsSnapshotTime(string text) =>
        text.Length == 16 && text[8] == 'T' && text[15] == 'Z' && text[..8].All(char.IsAsciiDigit) && text[9..15].All(char.IsAsciiDigit);
}
