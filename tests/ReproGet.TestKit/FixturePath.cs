namespace ReproGet.TestKit;

/// <summary>Finds the repository's <c>fixtures/</c> directory from wherever the test binaries run.</summary>
public static class FixturePath
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    /// <summary>The path of <c>fixtures/&lt;parts&gt;</c>; throws when it does not exist, so a typo fails loudly.</summary>
    public static string Get(params string[] parts)
    {
        var path = Path.Combine([RepositoryRoot, "fixtures", .. parts]);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"fixture \"{Path.Combine(parts)}\" not found under {RepositoryRoot}/fixtures", path);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReproGet.sln")) && Directory.Exists(Path.Combine(dir.FullName, "fixtures")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no ReproGet.sln with a fixtures/ folder above {AppContext.BaseDirectory}");
    }
}
