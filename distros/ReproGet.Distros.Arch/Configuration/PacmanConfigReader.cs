using ReproGet.Core.Distros;

namespace ReproGet.Distros.Arch.Configuration;

/// <summary>
/// Reads pacman.conf's INI-like syntax (<c>[section]</c>, <c>Key = Value</c>, <c>#</c> comments) and follows its
/// <c>Include</c> lines, keeping only the settings <see cref="PacmanConfig"/> uses.
/// </summary>
internal sealed class PacmanConfigReader(DistroContext context)
{
    private const int MaxIncludeDepth = 10;
    private readonly List<RawRepository> _repositories = [];
    private string? _section;

    public string? DatabasePath { get; private set; }

    public string? CachePath { get; private set; }

    public string? KeyringPath { get; private set; }

    public string? Architecture { get; private set; }

    public IReadOnlyList<RawRepository> Repositories => _repositories;

    public void ReadFile(string path, int depth = 0)
    {
        if (depth > MaxIncludeDepth || !File.Exists(path))
        {
            return;
        }
        foreach (var raw in File.ReadLines(path))
        {
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                _section = line[1..^1].Trim();
                if (_section != "options" && _repositories.All(r => r.Name != _section))
                {
                    _repositories.Add(new RawRepository(_section));
                }
                continue;
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? line : line[..equals].Trim();
            var value = equals < 0 ? "" : line[(equals + 1)..].Trim();
            Apply(key, value, depth);
        }
    }

    /// <summary>A repository section with the given includes, for a root that has no pacman.conf.</summary>
    public void AddRepository(string name, IEnumerable<string> includes)
    {
        _section = name;
        _repositories.Add(new RawRepository(name));
        foreach (var include in includes)
        {
            Apply("Include", include, 0);
        }
    }

    private void Apply(string key, string value, int depth)
    {
        switch (key)
        {
            case "Include":
                foreach (var file in Expand(value))
                {
                    ReadFile(file, depth + 1);
                }
                break;
            case "Server" when _section is not null and not "options":
                _repositories.First(r => r.Name == _section).Servers.Add(value);
                break;
            case "DBPath" when _section == "options":
                DatabasePath = value;
                break;
            case "CacheDir" when _section == "options":
                CachePath ??= value; // pacman uses the first cache directory it can write to; the first is the usual one
                break;
            case "GPGDir" when _section == "options":
                KeyringPath = value;
                break;
            case "Architecture" when _section == "options":
                Architecture = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                break;
        }
    }

    // Include takes a glob; the mirrorlist and conf.d/*.conf forms (a '*' in the last component) are what is used.
    private IEnumerable<string> Expand(string pattern)
    {
        var path = context.RootPath(pattern);
        var name = Path.GetFileName(path);
        if (!name.Contains('*') && !name.Contains('?'))
        {
            return [path];
        }
        var directory = Path.GetDirectoryName(path)!;
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, name).Order(StringComparer.Ordinal)
            : [];
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }

    internal sealed record RawRepository(string Name)
    {
        public List<string> Servers { get; } = [];

        public PacmanRepository Expand(string architecture) => new(Name,
            [.. Servers.Select(s => s.Replace("$repo", Name, StringComparison.Ordinal)
                .Replace("$arch", architecture, StringComparison.Ordinal).TrimEnd('/')).Distinct(StringComparer.Ordinal)]);
    }
}
