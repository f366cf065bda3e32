using ReproGet.Core.Distros;
using ReproGet.Formats.Deb822;

namespace ReproGet.Distros.Debian.Apt;

/// <summary>
/// Reads apt's sources under a root in apt's own order: <c>/etc/apt/sources.list</c>, then the <c>*.list</c> and
/// <c>*.sources</c> files of <c>/etc/apt/sources.list.d</c> by name. Disabled entries (<c>Enabled: no</c>) are left out.
/// </summary>
public static class AptSourcesReader
{
    public const string SourcesList = "/etc/apt/sources.list";
    public const string SourcesDirectory = "/etc/apt/sources.list.d";

    public static IReadOnlyList<AptSource> Read(DistroContext context)
    {
        var files = new List<string>();
        var list = context.RootPath(SourcesList);
        if (File.Exists(list))
        {
            files.Add(list);
        }
        var directory = context.RootPath(SourcesDirectory);
        if (Directory.Exists(directory))
        {
            files.AddRange(Directory.EnumerateFiles(directory)
                .Where(f => f.EndsWith(".list", StringComparison.Ordinal) || f.EndsWith(".sources", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal));
        }
        return [.. files.SelectMany(f => f.EndsWith(".sources", StringComparison.Ordinal)
            ? ParseDeb822(File.ReadAllBytes(f), f)
            : ParseOneLine(File.ReadAllText(f), f))];
    }

    /// <summary>One-line style: <c>deb [arch=amd64 signed-by=/k.gpg] http://deb.debian.org/debian bookworm main</c>.</summary>
    public static IEnumerable<AptSource> ParseOneLine(string text, string file)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var space = line.IndexOfAny([' ', '\t']);
            if (space < 0)
            {
                continue;
            }
            var type = line[..space];
            var rest = line[space..].TrimStart();
            if (rest.StartsWith('['))
            {
                var close = rest.IndexOf(']');
                rest = close < 0 ? "" : rest[(close + 1)..].TrimStart();
            }
            var words = rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2)
            {
                continue;
            }
            yield return new AptSource([type], [words[0]], [words[1]], words[2..], file);
        }
    }

    /// <summary>deb822 style, as in Debian 12's <c>debian.sources</c> and Ubuntu 24.04's <c>ubuntu.sources</c>.</summary>
    public static IEnumerable<AptSource> ParseDeb822(byte[] bytes, string file)
    {
        foreach (var fields in Deb822Reader.ReadAllFields(new MemoryStream(bytes), file))
        {
            string Get(string name) => fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value ?? "";
            if (string.Equals(Get("Enabled"), "no", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            yield return new AptSource(Words(Get("Types")), Words(Get("URIs")), Words(Get("Suites")), Words(Get("Components")), file);
        }
    }

    private static string[] Words(string value) => value.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
