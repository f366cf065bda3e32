using System.Globalization;
using System.Text;

namespace ReproGet.Core.Lockfiles;

/// <summary>
/// The one escaping of untrusted names (file names, lock names, base names from cache metadata) for data lines and
/// messages, so no name can forge a line or drive the terminal. A backslash, control characters (C0, DEL, C1: ESC,
/// CR, LF), and the invisible Unicode format and separator characters (U+202E, U+2028, U+200B…) become backslash
/// escapes (<c>\\</c>, <c>\n</c>, <c>\x1b</c>, <c>\u202e</c>), as Go's <c>%q</c> writes them; every other
/// character is kept.
/// </summary>
public static class NameEscaping
{
    private const int MaxQuoted = 200;

    public static bool NeedsEscaping(string name) => name.Any(IsUnsafe);

    public static string Escape(string name) => Escape(name, backslash: true);

    /// <summary>
    /// For status text on a terminal, whose names were quoted already: control and invisible characters are escaped,
    /// a backslash is left alone (it is not dangerous there, and escaping it again would double the quoted names').
    /// </summary>
    public static string EscapeControls(string text) => Escape(text, backslash: false);

    private static string Escape(string name, bool backslash)
    {
        if (!name.Any(c => IsUnsafe(c) && (backslash || c != '\\')))
        {
            return name;
        }
        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            switch (c)
            {
                case '\\' when !backslash: text.Append(c); break;
                case '\\': text.Append(@"\\"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                case '\t': text.Append(@"\t"); break;
                case var other when IsUnsafe(other) && other < 0x80:
                    text.Append(@"\x").Append(((int)other).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                case var other when IsUnsafe(other):
                    text.Append(@"\u").Append(((int)other).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: text.Append(c); break;
            }
        }
        return text.ToString();
    }

    /// <summary>A name for a message: escaped, in double quotes, cut at 200 characters.</summary>
    public static string Quote(string name)
    {
        var escaped = Escape(name).Replace("\"", "\\\"", StringComparison.Ordinal);
        return escaped.Length > MaxQuoted ? $"\"{escaped[..MaxQuoted]}…\"" : $"\"{escaped}\"";
    }

    /// <summary>
    /// A <c>&lt;sha256&gt;  &lt;name&gt;</c> data line as coreutils' <c>sha256sum</c> writes it: a name that needs
    /// escaping gets a leading backslash on the line, so the line cannot be mistaken for a plain one.
    /// </summary>
    public static string DataLine(string sha256, string name) =>
        NeedsEscaping(name) ? $"\\{sha256}  {Escape(name)}" : $"{sha256}  {name}";

    // Surrogates are kept: paired they are ordinary characters; the strict UTF-8 reading of lockfiles refuses lone ones.
    private static bool IsUnsafe(char c) =>
        c == '\\' || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
