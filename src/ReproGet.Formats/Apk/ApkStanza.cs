using System.Globalization;

namespace ReproGet.Formats.Apk;

/// <summary>
/// One package record of an <c>APKINDEX</c> or of apk's installed database (<c>/lib/apk/db/installed</c>): single-letter
/// fields in file order (<c>P:</c> name, <c>V:</c> version, <c>C:</c> control checksum, …; the database repeats
/// <c>F:</c>/<c>R:</c>/<c>Z:</c> once per file). <see cref="Line"/> is where it starts, for messages.
/// </summary>
public sealed record ApkStanza(IReadOnlyList<KeyValuePair<char, string>> Fields, int Line)
{
    /// <summary>The first value of a field, or null.</summary>
    public string? this[char key]
    {
        get
        {
            foreach (var field in Fields)
            {
                if (field.Key == key)
                {
                    return field.Value;
                }
            }
            return null;
        }
    }

    public string Name => this['P'] ?? "";

    public string Version => this['V'] ?? "";

    public string? Architecture => this['A'];

    /// <summary>The <c>C:</c> field: <c>Q1</c> + base64 SHA-1 of the package's control member.</summary>
    public ApkChecksum? Checksum => ApkChecksum.TryParse(this['C'], out var checksum) ? checksum : null;

    /// <summary>The package file's size in bytes (<c>S:</c>), when given.</summary>
    public long? Size => long.TryParse(this['S'], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null;

    /// <summary>The file name apk gives this package in a repository: <c>&lt;name&gt;-&lt;version&gt;.apk</c>.</summary>
    public string FileName => $"{Name}-{Version}.apk";

    /// <summary>Every value of a repeated field, in order.</summary>
    public IEnumerable<string> All(char key) => Fields.Where(f => f.Key == key).Select(f => f.Value);

    public override string ToString() => $"{Name}-{Version}";
}
