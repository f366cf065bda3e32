namespace ReproGet.Distros.Arch.Resolving;

/// <summary>
/// pacman's private state for <c>lock</c>: its own pacman.conf (the project's repositories only), database path
/// (<c>sync/</c> refreshed here; <c>local/</c> empty, or the base root's local database linked in), cache, log and an
/// empty root, all under one directory kept between runs so the sync databases are reused.
/// </summary>
internal sealed class PrivatePacmanState
{
    private PrivatePacmanState(string directory) => Directory = directory;

    public string Directory { get; }

    public string ConfigFile => Path.Combine(Directory, "pacman.conf");

    public string DatabasePath => Path.Combine(Directory, "db");

    public string SyncDirectory => Path.Combine(DatabasePath, "sync");

    public string LocalDatabase => Path.Combine(DatabasePath, "local");

    public string CachePath => Path.Combine(Directory, "cache");

    public string Root => Path.Combine(Directory, "root");

    public string LogFile => Path.Combine(Directory, "pacman.log");

    /// <summary>Touched after each successful <c>pacman -Sy</c>: the age of the sync databases.</summary>
    public string UpdatedStamp => Path.Combine(Directory, "updated");

    public static PrivatePacmanState Create(string directory)
    {
        var state = new PrivatePacmanState(directory);
        foreach (var sub in new[] { state.SyncDirectory, state.CachePath, state.Root })
        {
            System.IO.Directory.CreateDirectory(sub);
        }
        return state;
    }

    /// <summary>Writes pacman.conf; a change of repositories or architecture makes the sync databases stale.</summary>
    public bool WriteConfig(string architecture, IEnumerable<PacmanRepositoryLine> repositories)
    {
        // Package signatures are Required (checked when installed); a database signature is checked when the server has one.
        var text = $"[options]\nArchitecture = {architecture}\nSigLevel = Required DatabaseOptional\n"
            + string.Concat(repositories.Select(r => r.ConfigSection));
        if (File.Exists(ConfigFile) && File.ReadAllText(ConfigFile) == text)
        {
            return false;
        }
        File.WriteAllText(ConfigFile + ".tmp", text);
        File.Move(ConfigFile + ".tmp", ConfigFile, overwrite: true);
        return true;
    }

    /// <summary>The local database the solver sees: the base root's (linked, never copied or written) or an empty one.</summary>
    public void UseLocalDatabase(string? baseLocalDatabase)
    {
        var info = new DirectoryInfo(LocalDatabase);
        if (info.LinkTarget is not null || (baseLocalDatabase is not null && info.Exists))
        {
            info.Delete(recursive: info.LinkTarget is null);
        }
        if (baseLocalDatabase is not null)
        {
            System.IO.Directory.CreateSymbolicLink(LocalDatabase, baseLocalDatabase);
        }
        else
        {
            System.IO.Directory.CreateDirectory(LocalDatabase);
        }
    }

    public DateTimeOffset? LastUpdate => File.Exists(UpdatedStamp) ? File.GetLastWriteTimeUtc(UpdatedStamp) : null;

    public void MarkUpdated() => File.WriteAllText(UpdatedStamp, DateTimeOffset.UtcNow.ToString("O") + "\n");

    public void MarkStale()
    {
        if (File.Exists(UpdatedStamp))
        {
            File.Delete(UpdatedStamp);
        }
    }
}
