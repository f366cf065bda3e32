using ReproGet.Core.Distros;

namespace ReproGet.Distros.Alpine.Configuration;

/// <summary>
/// Where apk keeps its state under a system root: the installed database, the trusted keys, the repositories, the
/// architecture and the download caches. Absolute symlinks inside the root (<c>/etc/apk/cache</c> →
/// <c>/var/cache/apk</c>) are followed inside the root, not on the host.
/// </summary>
public sealed class AlpineRoot(DistroContext context)
{
    /// <summary>Overrides <c>&lt;root&gt;/etc/apk/keys</c> (apk's own <c>--keys-dir</c>).</summary>
    public const string KeysDirectoryVariable = "REPRO_GET_APK_KEYS_DIR";

    private static readonly string[] InstalledDatabaseCandidates = ["/lib/apk/db/installed", "/usr/lib/apk/db/installed"];
    private static readonly string[] CacheCandidates = ["/etc/apk/cache", "/var/cache/apk"];

    public DistroContext Context { get; } = context;

    public string InstalledDatabasePath =>
        InstalledDatabaseCandidates.Select(Context.RootPath).FirstOrDefault(File.Exists) ?? Context.RootPath(InstalledDatabaseCandidates[0]);

    /// <summary>The keys directory the user chose, or null for the root's own.</summary>
    public string? KeysDirectoryOverride =>
        Environment.GetEnvironmentVariable(KeysDirectoryVariable) is { Length: > 0 } directory ? Path.GetFullPath(directory) : null;

    public string KeysDirectory => KeysDirectoryOverride ?? InRoot("/etc/apk/keys");

    public string RepositoriesPath => Context.RootPath(ApkRepository.ConfigurationPath);

    public IReadOnlyList<ApkRepository> Repositories()
    {
        var lines = new List<string>();
        if (File.Exists(RepositoriesPath))
        {
            lines.AddRange(File.ReadAllLines(RepositoriesPath));
        }
        // apk-tools 3 also reads drop-in lists.
        var dropIns = InRoot("/etc/apk/repositories.d");
        if (Directory.Exists(dropIns))
        {
            foreach (var list in Directory.EnumerateFiles(dropIns, "*.list").Order(StringComparer.Ordinal))
            {
                lines.AddRange(File.ReadAllLines(list));
            }
        }
        return ApkRepository.Parse(lines);
    }

    /// <summary>The architecture apk installs for (<c>/etc/apk/arch</c>), or null when the file is missing.</summary>
    public string? Architecture
    {
        get
        {
            var path = Context.RootPath("/etc/apk/arch");
            return File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } arch ? arch : null;
        }
    }

    /// <summary>apk's download caches that exist, each once.</summary>
    public IReadOnlyList<string> CacheDirectories =>
        [.. CacheCandidates.Select(InRoot).Where(Directory.Exists).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];

    /// <summary>The host path of an absolute path inside the root, following one absolute symlink within the root.</summary>
    public string InRoot(string absolute)
    {
        var path = Context.RootPath(absolute);
        var info = new DirectoryInfo(path);
        return info.LinkTarget is { } target && target.StartsWith('/') ? Context.RootPath(target) : path;
    }
}
