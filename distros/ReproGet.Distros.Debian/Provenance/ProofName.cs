namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// Lock names of the chain's files, laid out as on the archive so any provider that serves <c>{{.Name}}</c> from a
/// mirror or snapshot serves them: <c>dists/&lt;suite&gt;/InRelease</c> and
/// <c>dists/&lt;suite&gt;/&lt;component&gt;/binary-&lt;arch&gt;/Packages[.xz]</c>.
/// </summary>
public static class ProofName
{
    public const string Prefix = "dists/";
    public const string InReleaseFile = "InRelease";

    public static string InRelease(string suiteDirectory) => $"{Prefix}{suiteDirectory}/{InReleaseFile}";

    /// <summary>The lock name of an index listed as <paramref name="pathInRelease"/> in the suite's Release.</summary>
    public static string Index(string suiteDirectory, string pathInRelease) => $"{Prefix}{suiteDirectory}/{pathInRelease}";

    /// <summary>True for any name under <c>dists/</c> (the chain's files; never a package).</summary>
    public static bool IsProof(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool IsInRelease(string name) =>
        IsProof(name) && name.EndsWith("/" + InReleaseFile, StringComparison.Ordinal) && name.Length > Prefix.Length + InReleaseFile.Length + 1;

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
    public static string SuiteOfInRelease(string inReleaseName) =>
        inReleaseName[Prefix.Length..^(InReleaseFile.Length + 1)];

    /// <summary>
    /// Splits an index name into the suite it belongs to and its path in that suite's Release, choosing the longest
    /// suite directory among <paramref name="suiteDirectories"/> (suites may contain '/': <c>bookworm/updates</c>).
    /// </summary>
    public static (string Suite, string PathInRelease)? SplitIndex(string indexName, IEnumerable<string> suiteDirectories)
    {
        var best = suiteDirectories.Where(s => indexName.StartsWith(Prefix + s + "/", StringComparison.Ordinal))
            .OrderByDescending(s => s.Length).FirstOrDefault();
        return best is null ? null : (best, indexName[(Prefix.Length + best.Length + 1)..]);
    }
}
