using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace ReproGet.Core.Projects;

/// <summary>
/// One TOML table of a project file with the source position of each key (from Tomlyn's metadata store), so every
/// problem is reported at <c>file:line:column</c>. Keys are taken one by one; <see cref="RejectUnknown"/> then names
/// the first key nobody asked for.
/// </summary>
internal sealed class ProjectTable(string file, TomlTable table, TomlMetadataStore metadata, int line, int column)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public string File { get; } = file;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public bool Has(string key)
    {
        _known.Add(key);
        return table.ContainsKey(key);
    }

    public ProjectFileException Error(string key, string problem, string? hint = null)
    {
        var (line, column) = Position(key);
        return new ProjectFileException(File, line, column, problem, hint);
    }

    public ProjectFileException ErrorHere(string problem, string? hint = null) => new(File, Line, Column, problem, hint);

    public string? String(string key, string example)
    {
        if (!Has(key))
        {
            return null;
        }
        return table[key] is string text
            ? text
            : throw WrongType(key, "a string", example);
    }

    public string RequiredString(string key, string example) =>
        String(key, example) ?? throw ErrorHere($"missing key \"{key}\"", $"add `{example}`");

    public bool? Boolean(string key, string example)
    {
        if (!Has(key))
        {
            return null;
        }
        return table[key] is bool value ? value : throw WrongType(key, "true or false", example);
    }

    public long? Integer(string key, string example)
    {
        if (!Has(key))
        {
            return null;
        }
        return table[key] is long value ? value : throw WrongType(key, "an integer", example);
    }

    public object? Raw(string key) => Has(key) ? table[key] : null;

    public IReadOnlyList<string>? Strings(string key, string example)
    {
        if (!Has(key))
        {
            return null;
        }
        if (table[key] is not TomlArray array || array.Any(item => item is not string))
        {
            throw WrongType(key, "an array of strings", example);
        }
        return [.. array.Cast<string>()];
    }

    public IReadOnlyList<ProjectTable> Tables(string key, string example)
    {
        if (!Has(key))
        {
            return [];
        }
        if (table[key] is not TomlTableArray tables)
        {
            throw WrongType(key, $"an array of tables ([[{key}]])", example);
        }
        var (line, column) = Position(key);
        return [.. tables.Select(t => new ProjectTable(File, t, metadata, Position(t, line, column).Line, Position(t, line, column).Column))];
    }

    public void RejectUnknown(IReadOnlyCollection<string> allowed, string where)
    {
        foreach (var key in table.Keys.Where(k => !_known.Contains(k)))
        {
            throw Error(key, $"unknown key \"{Printable(key)}\" {where}", $"the keys are: {string.Join(", ", allowed)} (README: \"Locking from a project file\")");
        }
    }

    public ProjectFileException WrongType(string key, string expected, string example) =>
        Error(key, $"\"{key}\" must be {expected}, not {Describe(table[key])}", $"write it as `{example}`");

    private (int Line, int Column) Position(string key)
    {
        if (metadata.TryGetProperties(table, out var properties) && properties is not null && properties.TryGetProperty(key, out var property) && property is not null
            && property.Span is { } span)
        {
            return (span.Start.Line + 1, span.Start.Column + 1);
        }
        return (Line, Column);
    }

    // A [[table]]'s own position: its first key's, else its header's.
    private (int Line, int Column) Position(TomlTable inner, int line, int column)
    {
        if (metadata.TryGetProperties(inner, out var properties) && properties is not null)
        {
            foreach (var key in inner.Keys)
            {
                if (properties.TryGetProperty(key, out var property) && property is not null && property.Span is { } span)
                {
                    return (span.Start.Line + 1, span.Start.Column + 1);
                }
            }
        }
        return (line, column);
    }

    private static string Describe(object? value) => value switch
    {
        string => "a string",
        long => "an integer",
        double => "a number",
        bool => "a boolean",
        TomlDateTime => "a date-time",
        TomlArray => "an array",
        TomlTableArray => "an array of tables",
        TomlTable => "a table",
        _ => "empty",
    };

    internal static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
