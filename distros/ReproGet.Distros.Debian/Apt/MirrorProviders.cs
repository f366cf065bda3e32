namespace ReproGet.Distros.Debian.Apt;

/// <summary>Provider templates for the mirrors a root's apt sources name: <c>&lt;URI&gt;/{{.Name}}</c>, since lock names are pool paths.</summary>
public static class MirrorProviders
{
    /// <summary>One template per distinct URI of the binary (<c>deb</c>) sources, in apt's order; URIs the fetcher cannot open (mirror+, tor+, cdrom:) are left out.</summary>
    public static IReadOnlyList<string> From(IEnumerable<AptSource> sources)
    {
        var templates = new List<string>();
        foreach (var uri in sources.Where(s => s.IsBinary).SelectMany(s => s.Uris))
        {
            if (Normalize(uri) is { } baseUri && !templates.Contains(baseUri + "/{{.Name}}"))
            {
                templates.Add(baseUri + "/{{.Name}}");
            }
        }
        return templates;
    }

    private static string? Normalize(string uri)
    {
        var trimmed = uri.TrimEnd('/');
        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed;
        }
        // apt also accepts file:/srv/mirror; providers want file:///srv/mirror.
        return trimmed.StartsWith("file:/", StringComparison.OrdinalIgnoreCase) ? "file://" + trimmed[5..] : null;
    }
}
