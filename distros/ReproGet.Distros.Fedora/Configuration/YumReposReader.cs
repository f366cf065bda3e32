namespace ReproGet.Distros.Fedora.Configuration;

/// <summary>
/// Reads the enabled repositories of <c>/etc/yum.repos.d/*.repo</c> (INI files; files and sections in name order).
/// A <c>baseurl</c> may list several URLs, separated by spaces, commas or continuation lines. Repositories
/// reached only through <c>metalink</c>/<c>mirrorlist</c> have no fixed URL to template and are left out.
/// </summary>
public static class YumReposReader
{
    public const string Directory = "/etc/yum.repos.d";

    public static IReadOnlyList<YumRepository> Read(Func<string, string> rootPath, DnfVariables variables)
    {
        var directory = rootPath(Directory);
        if (!System.IO.Directory.Exists(directory))
        {
            return [];
        }
        var repositories = new List<YumRepository>();
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.repo").Order(StringComparer.Ordinal))
        {
            repositories.AddRange(Parse(File.ReadAllLines(file), variables));
        }
        return repositories;
    }

    internal static IEnumerable<YumRepository> Parse(IEnumerable<string> lines, DnfVariables variables)
    {
        string? id = null;
        var enabled = true;
        var urls = new List<string>();
        string? key = null;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith('#') || line.TrimStart().StartsWith(';') || line.Trim().Length == 0)
            {
                continue;
            }
            if (line.StartsWith('['))
            {
                if (Finish(id, enabled, urls) is { } repository)
                {
                    yield return repository;
                }
                id = line.Trim('[', ']', ' ');
                enabled = true;
                urls = [];
                key = null;
                continue;
            }
            string value;
            if (char.IsWhiteSpace(line[0]) && key is not null)
            {
                value = line.Trim();
            }
            else
            {
                var equals = line.IndexOf('=');
                if (equals < 0)
                {
                    continue;
                }
                key = line[..equals].Trim().ToLowerInvariant();
                value = line[(equals + 1)..].Trim();
            }
            if (key == "enabled")
            {
                enabled = value is not ("0" or "false" or "no" or "False");
            }
            else if (key == "baseurl")
            {
                urls.AddRange(value.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries)
                    .Select(u => variables.Expand(u).TrimEnd('/')));
            }
        }
        if (Finish(id, enabled, urls) is { } last)
        {
            yield return last;
        }
    }

    private static YumRepository? Finish(string? id, bool enabled, List<string> urls) =>
        id is null || id == "main" || !enabled || urls.Count == 0 ? null : new YumRepository(id, urls);
}
