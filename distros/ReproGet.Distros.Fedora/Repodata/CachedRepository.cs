namespace ReproGet.Distros.Fedora.Repodata;

/// <summary>A repository whose metadata dnf cached under the root: its id and the cached <c>repodata</c> folder.</summary>
public sealed record CachedRepository(string Id, string RepodataDirectory)
{
    // dnf 4 and dnf 5 keep each repository's metadata in <cache>/<repo id>-<16 hex digits>/repodata/.
    private static readonly string[] CacheDirectories = ["/var/cache/dnf", "/var/cache/libdnf5"];

    public string RepomdPath => Path.Combine(RepodataDirectory, "repomd.xml");

    public static IReadOnlyList<CachedRepository> Find(Func<string, string> rootPath)
    {
        var found = new List<CachedRepository>();
        foreach (var cache in CacheDirectories.Select(rootPath))
        {
            found.AddRange(FindIn(cache));
        }
        return found;
    }

    /// <summary>The repositories cached in one dnf cache directory (dnf's <c>cachedir</c>).</summary>
    public static IReadOnlyList<CachedRepository> FindIn(string cacheDirectory)
    {
        if (!Directory.Exists(cacheDirectory))
        {
            return [];
        }
        var found = new List<CachedRepository>();
        foreach (var directory in Directory.EnumerateDirectories(cacheDirectory).Order(StringComparer.Ordinal))
        {
            var repodata = Path.Combine(directory, "repodata");
            if (File.Exists(Path.Combine(repodata, "repomd.xml")))
            {
                found.Add(new CachedRepository(IdOf(Path.GetFileName(directory)), repodata));
            }
        }
        return found;
    }

    private static string IdOf(string directoryName)
    {
        var dash = directoryName.LastIndexOf('-');
        return dash > 0 && directoryName.Length - dash - 1 == 16 && directoryName[(dash + 1)..].All(char.IsAsciiHexDigit)
            ? directoryName[..dash]
            : directoryName;
    }
}
