using System.Text.RegularExpressions;
using ReproGet.Core.Distros;
using ReproGet.Distros.Debian.Apt;

namespace ReproGet.Distros.Debian.Snapshot;

/// <summary>
/// Reads which snapshot archives the root's apt sources come from, and the image's own snapshot time: the comment
/// <c># http://snapshot.debian.org/archive/ARCHIVE/YYYYMMDDTHHMMSSZ</c> inside a deb822 paragraph of a <c>*.sources</c>
/// file (deb822 comments are not fields, so they are read here from the raw text).
/// </summary>
internal static partial class SnapshotSourcesReader
{
    public static IReadOnlyList<SnapshotSource> Read(DistroContext context)
    {
        var times = ImageTimes(context);
        var sources = new List<SnapshotSource>();
        foreach (var source in AptSourcesReader.Read(context).Where(s => s.IsBinary))
        {
            foreach (var uri in source.Uris)
            {
                var archive = uri.TrimEnd('/').Split('/')[^1];
                if (archive.Length == 0 || !ArchiveName().IsMatch(archive))
                {
                    continue;
                }
                sources.Add(new SnapshotSource(archive, source.Suites, source.Components, times.GetValueOrDefault(archive)));
            }
        }
        return sources;
    }

    /// <summary>Archive name → the image's snapshot time, from the comments of every <c>*.sources</c> file.</summary>
    private static Dictionary<string, string> ImageTimes(DistroContext context)
    {
        var times = new Dictionary<string, string>(StringComparer.Ordinal);
        var directory = context.RootPath(AptSourcesReader.SourcesDirectory);
        if (!Directory.Exists(directory))
        {
            return times;
        }
        foreach (var file in Directory.EnumerateFiles(directory, "*.sources").Order(StringComparer.Ordinal))
        {
            foreach (Match match in SnapshotComment().Matches(File.ReadAllText(file)))
            {
                times.TryAdd(match.Groups["archive"].Value, match.Groups["time"].Value);
            }
        }
        return times;
    }

    [GeneratedRegex(@"^#\s*https?://[^\s/]+/archive/(?<archive>[A-Za-z0-9._-]+)/(?<time>\d{8}T\d{6}Z)/?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SnapshotComment();

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ArchiveName();
}
