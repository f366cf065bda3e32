using System.Text;

namespace ReproGet.Distros.Debian.Apt;

/// <summary>
/// The order apt reads its lists in: the order of the sources (entry, then URI, then suite). When two lists carry
/// the same version with the same hash (a security update later folded into a point release), apt reports the
/// file of the list it read first, and so does the lock. Lists no source names come last, by name.
/// </summary>
public static class ListFileOrder
{
    public static IReadOnlyList<string> Sort(IEnumerable<string> listFiles, IReadOnlyList<AptSource> sources)
    {
        var prefixes = sources.Where(s => s.IsBinary)
            .SelectMany(s => s.Uris.SelectMany(u => s.Suites.Select(suite => ListFilePrefix(u, suite))))
            .ToList();
        return [.. listFiles
            .Select(path => (Path: path, Rank: Rank(Path.GetFileName(path), prefixes)))
            .OrderBy(f => f.Rank)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => f.Path)];
    }

    /// <summary>
    /// The start of the names apt gives the lists of one suite: <c>http://deb.debian.org/debian</c> +
    /// <c>bookworm</c> → <c>deb.debian.org_debian_dists_bookworm_</c> (apt's URItoFileName).
    /// </summary>
    public static string ListFilePrefix(string uri, string suite)
    {
        var path = uri.TrimEnd('/') + "/" + (suite.EndsWith('/') ? suite : "dists/" + suite + "/");
        return ToFileName(path);
    }

    private static int Rank(string fileName, List<string> prefixes)
    {
        var rank = prefixes.FindIndex(p => fileName.StartsWith(p, StringComparison.Ordinal));
        return rank < 0 ? int.MaxValue : rank;
    }

    private static string ToFileName(string uri)
    {
        // Drop the scheme and any user:password@; file:///srv and file:/srv both become /srv.
        var rest = uri[(uri.IndexOf(':') + 1)..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
        }
        var slash = rest.IndexOf('/');
        var at = rest.IndexOf('@');
        if (at >= 0 && (slash < 0 || at < slash))
        {
            rest = rest[(at + 1)..];
        }
        var name = new StringBuilder();
        foreach (var c in rest)
        {
            if (c == '/')
            {
                name.Append('_');
            }
            else if (c <= ' ' || c >= 0x7f || "\\|{}[]<>\"^~_=!@#$%^&*".Contains(c))
            {
                name.Append('%').Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                name.Append(c);
            }
        }
        return name.ToString();
    }
}
