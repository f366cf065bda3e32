using ReproGet.Formats.Deb822;

namespace ReproGet.Distros.Debian.Apt;

/// <summary>
/// apt's default priority for the packages of a list, from its release file (<c>…_InRelease</c> or <c>…_Release</c>
/// beside it in the lists directory): NotAutomatic releases (experimental, backports) only give candidates when
/// nothing else does. <c>/etc/apt/preferences</c> pins are not read.
/// </summary>
internal static class ReleasePriority
{
    public const int Default = 500;
    public const int NotAutomatic = 1;
    public const int NotAutomaticButUpgrades = 100;

    /// <summary>The priority of each list file, keyed by its path.</summary>
    public static IReadOnlyDictionary<string, int> ForLists(string listsDirectory, IReadOnlyList<string> listFiles)
    {
        var releases = Directory.EnumerateFiles(listsDirectory)
            .Where(f => f.EndsWith("_InRelease", StringComparison.Ordinal) || f.EndsWith("_Release", StringComparison.Ordinal))
            .Select(f => (Prefix: f[..(f.LastIndexOf('_') + 1)], Path: f))
            .ToList();
        var byRelease = new Dictionary<string, int>(StringComparer.Ordinal);
        var priorities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in listFiles)
        {
            // The release file of a list is the one whose name prefix is the longest start of the list's name.
            var release = releases.Where(r => list.StartsWith(r.Prefix, StringComparison.Ordinal))
                .OrderByDescending(r => r.Prefix.Length).ThenBy(r => r.Path, StringComparer.Ordinal).FirstOrDefault();
            if (release.Path is null)
            {
                priorities[list] = Default;
                continue;
            }
            if (!byRelease.TryGetValue(release.Path, out var priority))
            {
                priority = byRelease[release.Path] = Read(release.Path);
            }
            priorities[list] = priority;
        }
        return priorities;
    }

    private static int Read(string releasePath)
    {
        using var reader = new Deb822Reader(File.OpenRead(releasePath), releasePath);
        if (!reader.TryRead(out var release) || !IsYes(release["NotAutomatic"]))
        {
            return Default;
        }
        return IsYes(release["ButAutomaticUpgrades"]) ? NotAutomaticButUpgrades : NotAutomatic;
    }

    private static bool IsYes(string? value) => string.Equals(value, "yes", StringComparison.OrdinalIgnoreCase);
}
