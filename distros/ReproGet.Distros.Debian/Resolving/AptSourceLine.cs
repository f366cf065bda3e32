using ReproGet.Core.Errors;

namespace ReproGet.Distros.Debian.Resolving;

/// <summary>
/// One apt one-line source, <c>deb [opt=value …] URI SUITE [COMPONENT…]</c>, kept whole (with its options) so it
/// can be written back into a private <c>sources.list</c> with a keyring or snapshot archive filled in.
/// </summary>
public sealed record AptSourceLine(string Type, IReadOnlyList<KeyValuePair<string, string>> Options, string Uri, string Suite,
    IReadOnlyList<string> Components)
{
    public static AptSourceLine Parse(string text)
    {
        var rest = text.Trim();
        var space = rest.IndexOfAny([' ', '\t']);
        var type = space < 0 ? rest : rest[..space];
        if (type != "deb")
        {
            throw Invalid(text, type == "deb-src" ? "source packages (deb-src) are not locked" : $"the type must be \"deb\", not \"{Printable(type)}\"");
        }
        rest = rest[space..].TrimStart();
        var options = new List<KeyValuePair<string, string>>();
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']');
            if (close < 0)
            {
                throw Invalid(text, "the options' '[' is not closed");
            }
            foreach (var option in rest[1..close].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = option.IndexOf('=');
                if (equals <= 0)
                {
                    throw Invalid(text, $"option \"{Printable(option)}\" is not KEY=VALUE");
                }
                options.Add(new(option[..equals], option[(equals + 1)..]));
            }
            rest = rest[(close + 1)..].TrimStart();
        }
        var words = rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !System.Uri.TryCreate(words[0], UriKind.Absolute, out _))
        {
            throw Invalid(text, "want URI SUITE [COMPONENT…] after the type and options");
        }
        if (options.Any(o => o.Key == "trusted" && o.Value == "yes"))
        {
            throw Invalid(text, "[trusted=yes] turns signature checks off; name the archive's key with signed-by= instead");
        }
        return new AptSourceLine(type, options, words[0], words[1], words[2..]);
    }

    public string? Option(string key) => Options.LastOrDefault(o => o.Key == key).Value;

    public AptSourceLine WithOption(string key, string value) =>
        this with { Options = [.. Options.Where(o => o.Key != key), new(key, value)] };

    /// <summary>The URI with one trailing slash, the prefix of every file the source serves.</summary>
    public string BaseUri => Uri.TrimEnd('/') + "/";

    public override string ToString()
    {
        var options = Options.Count == 0 ? "" : $" [{string.Join(' ', Options.Select(o => $"{o.Key}={o.Value}"))}]";
        var components = Components.Count == 0 ? "" : " " + string.Join(' ', Components);
        return $"{Type}{options} {Uri} {Suite}{components}";
    }

    private static ReproGetException Invalid(string text, string problem) =>
        new($"source \"{Printable(text)}\": {problem}",
            "write apt's one-line form: deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main");

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
