using System.Globalization;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Formats.Deb822;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// The fields of a suite's <c>Release</c>/<c>InRelease</c> that the signature chain uses: which suite it is, when it
/// was made, and the SHA-256 and size of every index it lists. Parse only text that a signature check returned
/// (<see cref="InReleaseVerifier"/>): text outside the signed part of an <c>InRelease</c> is not evidence.
/// </summary>
public sealed class ReleaseFile
{
    private readonly Dictionary<string, ReleaseFileEntry> _sha256;

    private ReleaseFile(Dictionary<string, string> fields, Dictionary<string, ReleaseFileEntry> sha256)
    {
        Origin = fields.GetValueOrDefault("Origin");
        Label = fields.GetValueOrDefault("Label");
        Suite = fields.GetValueOrDefault("Suite");
        Codename = fields.GetValueOrDefault("Codename");
        Date = ParseDate(fields.GetValueOrDefault("Date"));
        ValidUntil = ParseDate(fields.GetValueOrDefault("Valid-Until"));
        _sha256 = sha256;
    }

    public string? Origin { get; }

    public string? Label { get; }

    /// <summary>The <c>Suite:</c> field (<c>oldstable</c>, <c>stable-security</c>…), which moves between releases.</summary>
    public string? Suite { get; }

    /// <summary>The <c>Codename:</c> field (<c>bookworm</c>), which does not.</summary>
    public string? Codename { get; }

    /// <summary>When the archive made this Release (<c>Date:</c>); signatures are judged as of this time.</summary>
    public DateTimeOffset? Date { get; }

    public DateTimeOffset? ValidUntil { get; }

    /// <summary>Every index of the <c>SHA256:</c> list, by its path relative to the suite directory.</summary>
    public IReadOnlyCollection<ReleaseFileEntry> Sha256Files => _sha256.Values;

    /// <summary>True when <paramref name="suiteDirectory"/> (the directory under <c>dists/</c>) names this Release by codename or suite.</summary>
    public bool Names(string suiteDirectory)
    {
        var last = suiteDirectory.Split('/')[0];
        return last == Codename || last == Suite || suiteDirectory == Codename || suiteDirectory == Suite;
    }

    public ReleaseFileEntry? Find(string path) => _sha256.GetValueOrDefault(path);

    /// <summary>
    /// The index link of the chain: null when <paramref name="path"/> is listed with exactly this hash and size,
    /// else why not (one line, for a report).
    /// </summary>
    public string? CheckIndex(string path, Sha256Digest sha256, long size)
    {
        if (Find(path) is not { } listed)
        {
            return $"{path} is not listed in the SHA256 list of the Release of {Codename ?? Suite ?? "(no codename)"}";
        }
        if (listed.Sha256 != sha256)
        {
            return $"the Release lists {path} with sha256 {listed.Sha256.Hex}, the index has {sha256.Hex}";
        }
        return listed.Size == size ? null : $"the Release lists {path} with {listed.Size} bytes, the index has {size}";
    }

    public static ReleaseFile Parse(Stream stream, string source)
    {
        using var reader = new Deb822Reader(stream, source, leaveOpen: true);
        if (!reader.TryRead(out var paragraph))
        {
            throw new ReproGetException($"{source}: the Release file is empty", "is it an InRelease file?");
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in paragraph.ToFields())
        {
            fields[name] = value;
        }
        var sha256 = new Dictionary<string, ReleaseFileEntry>(StringComparer.Ordinal);
        if (fields.TryGetValue("SHA256", out var list))
        {
            foreach (var line in list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 3 || !Sha256Digest.TryParse(parts[0], out var digest)
                    || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                {
                    throw new ReproGetException($"{source}: malformed SHA256 line \"{Escape(line)}\"", "the Release file is damaged");
                }
                sha256[parts[2]] = new ReleaseFileEntry(parts[2], digest.Value, size);
            }
        }
        return new ReleaseFile(fields, sha256);
    }

    public static ReleaseFile Parse(byte[] signedText, string source)
    {
        using var stream = new MemoryStream(signedText, writable: false);
        return Parse(stream, source);
    }

    // RFC 2822 dates as dak writes them: "Sat, 11 Jul 2026 10:16:37 UTC" (also "+0000").
    internal static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var normalized = text.Trim().Replace(" UTC", " +0000", StringComparison.Ordinal).Replace(" GMT", " +0000", StringComparison.Ordinal);
        string[] formats = ["ddd, d MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz"];
        return DateTimeOffset.TryParseExact(normalized.Replace("+0000", "+00:00", StringComparison.Ordinal), formats,
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date.ToUniversalTime() : null;
    }

    internal static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
}
