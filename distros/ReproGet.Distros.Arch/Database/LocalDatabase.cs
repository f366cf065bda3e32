using ReproGet.Core.Errors;

namespace ReproGet.Distros.Arch.Database;

/// <summary>
/// pacman's record of what is installed: <c>&lt;dbpath&gt;/local/&lt;name&gt;-&lt;version&gt;/desc</c>, read directly
/// (the Go tool parsed the English labels of <c>pacman -Qi</c>).
/// </summary>
public static class LocalDatabase
{
    /// <summary>The installed packages by name; an absent <c>local</c> directory means nothing is installed.</summary>
    public static IReadOnlyDictionary<string, InstalledPackage> Read(string databasePath)
    {
        var local = Path.Combine(databasePath, "local");
        var installed = new Dictionary<string, InstalledPackage>(StringComparer.Ordinal);
        if (!Directory.Exists(local))
        {
            return installed;
        }
        foreach (var entry in Directory.EnumerateDirectories(local).Order(StringComparer.Ordinal))
        {
            var descPath = Path.Combine(entry, "desc");
            if (!File.Exists(descPath))
            {
                continue;
            }
            var desc = PacmanDesc.Parse(File.ReadAllText(descPath));
            var name = desc.Single("NAME");
            var version = desc.Single("VERSION");
            if (name is null || version is null)
            {
                throw new ReproGetException($"{descPath}: no %NAME% or %VERSION%",
                    "the local pacman database is damaged; check it with `pacman -Dk`");
            }
            installed[name] = new InstalledPackage(name, version, desc.Single("ARCH") ?? "");
        }
        return installed;
    }
}
