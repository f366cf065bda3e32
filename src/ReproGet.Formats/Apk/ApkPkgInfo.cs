namespace ReproGet.Formats.Apk;

/// <summary>
/// The <c>.PKGINFO</c> of a package's control member: <c>key = value</c> lines (<c>depend</c> and others repeat),
/// <c>#</c> comments.
/// </summary>
public sealed record ApkPkgInfo(IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public string? this[string key] => Fields.FirstOrDefault(f => f.Key == key).Value;

    public string? Name => this["pkgname"];

    public string? Version => this["pkgver"];

    public string? Architecture => this["arch"];

    /// <summary>Lowercase hex SHA-256 of the data member's compressed bytes.</summary>
    public string? DataHash => this["datahash"];

    public static ApkPkgInfo Parse(string text)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var equals = line.IndexOf(" = ", StringComparison.Ordinal);
            if (equals > 0)
            {
                fields.Add(new KeyValuePair<string, string>(line[..equals], line[(equals + 3)..]));
            }
        }
        return new ApkPkgInfo(fields);
    }
}
