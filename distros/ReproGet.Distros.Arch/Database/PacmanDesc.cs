namespace ReproGet.Distros.Arch.Database;

/// <summary>
/// One <c>desc</c> entry of a pacman database: <c>%NAME%</c>-style headers, each followed by its values one per line
/// and ended by a blank line. Local (<c>local/*/desc</c>) and sync (<c>*.db</c> members) entries share the format.
/// </summary>
public sealed class PacmanDesc
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _fields;

    private PacmanDesc(IReadOnlyDictionary<string, IReadOnlyList<string>> fields) => _fields = fields;

    public static PacmanDesc Parse(string text)
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        List<string>? values = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                values = null;
            }
            else if (values is null && line.Length > 2 && line[0] == '%' && line[^1] == '%')
            {
                values = [];
                fields[line[1..^1]] = values;
            }
            else
            {
                // A value line outside a field (a stray line after a blank) belongs to nothing; pacman skips it too.
                values?.Add(line);
            }
        }
        return new PacmanDesc(fields);
    }

    /// <summary>The first value of <c>%<paramref name="key"/>%</c>, or null when the field is absent or empty.</summary>
    public string? Single(string key) => _fields.TryGetValue(key, out var values) && values.Count > 0 ? values[0] : null;

    public IReadOnlyList<string> All(string key) => _fields.TryGetValue(key, out var values) ? values : [];

    public bool Has(string key) => _fields.ContainsKey(key);
}
