namespace ReproGet.Distros.Fedora.Resolving;

/// <summary>
/// dnf's private state for <c>lock</c>: an empty installroot (its rpm database is the "empty system"), the
/// repository files written from the project's sources (never the host's <c>/etc/yum.repos.d</c>), and dnf's cache,
/// persist and log directories, all under one directory that is kept between runs so the metadata is reused.
/// </summary>
internal sealed class PrivateDnfState
{
    private PrivateDnfState(string directory) => Directory = directory;

    public string Directory { get; }

    public string EmptyRoot => Path.Combine(Directory, "root");

    public string ReposDirectory => Path.Combine(Directory, "yum.repos.d");

    public string CacheDirectory => Path.Combine(Directory, "cache");

    public string PersistDirectory => Path.Combine(Directory, "persist");

    public string LogDirectory => Path.Combine(Directory, "log");

    public static PrivateDnfState Create(string directory)
    {
        var state = new PrivateDnfState(directory);
        foreach (var sub in new[] { state.EmptyRoot, state.ReposDirectory, state.CacheDirectory, state.PersistDirectory, state.LogDirectory })
        {
            System.IO.Directory.CreateDirectory(sub);
        }
        return state;
    }

    /// <summary>Writes <c>project.repo</c>; any other <c>.repo</c> file left from an earlier run is removed, so dnf reads exactly these.</summary>
    public void WriteRepositories(IEnumerable<DnfRepositoryLine> sources, string? keyring)
    {
        var path = Path.Combine(ReposDirectory, "project.repo");
        foreach (var stale in System.IO.Directory.EnumerateFiles(ReposDirectory).Where(f => f != path))
        {
            File.Delete(stale);
        }
        var text = string.Join('\n', sources.Select(s => s.RepoFileSection(keyring)));
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            File.WriteAllText(path + ".tmp", text);
            File.Move(path + ".tmp", path, overwrite: true);
        }
    }
}
