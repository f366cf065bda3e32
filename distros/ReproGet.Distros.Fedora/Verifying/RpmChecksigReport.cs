using System.Text.RegularExpressions;

namespace ReproGet.Distros.Fedora.Verifying;

/// <summary>
/// <c>rpmkeys -Kv</c>'s report on one package file: its signature lines (<c>Header V4 RSA/SHA512 Signature, key ID
/// 57722a4e: OK</c>, <c>…: NOKEY</c>, <c>Header RSA signature: NOTFOUND</c>) and digest lines (<c>Payload SHA256
/// digest: BAD (…)</c>), judged as verified (a signature OK and nothing BAD), unproven (no signature at all: Koji's
/// unsigned build outputs), or failed (a bad digest or signature, or a key the database does not hold).
/// </summary>
internal sealed partial class RpmChecksigReport
{
    private readonly List<string> _lines;

    private RpmChecksigReport(List<string> lines) => _lines = lines;

    public enum Verdict
    {
        Verified,
        Unsigned,
        Failed,
    }

    /// <summary>Splits the output of one <c>rpmkeys -Kv FILE…</c> run into one report per file, by the <c>FILE:</c> header lines.</summary>
    public static Dictionary<string, RpmChecksigReport> Parse(string output, IEnumerable<string> paths)
    {
        var wanted = paths.ToHashSet(StringComparer.Ordinal);
        var reports = new Dictionary<string, RpmChecksigReport>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in output.Split('\n'))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line.EndsWith(':') && wanted.Contains(line[..^1]))
            {
                reports[line[..^1]] = new RpmChecksigReport(current = []);
            }
            else if (current is not null && line.Trim() is { Length: > 0 } item)
            {
                current.Add(item);
            }
        }
        return reports;
    }

    /// <summary>The key ID of the first signature rpm accepted.</summary>
    public string? KeyId => _lines.Select(l => SignatureLine().Match(l)).FirstOrDefault(m => m.Success && m.Groups["status"].Value == "OK")?.Groups["key"].Value;

    public (Verdict Verdict, string Why) Judge()
    {
        if (_lines.Count == 0)
        {
            return (Verdict.Failed, "rpmkeys printed no report for it");
        }
        if (_lines.FirstOrDefault(l => l.Contains(": BAD", StringComparison.Ordinal)) is { } bad)
        {
            return (Verdict.Failed, $"the file does not match its signed header: {bad}");
        }
        var signatures = _lines.Select(l => SignatureLine().Match(l)).Where(m => m.Success).ToList();
        if (signatures.FirstOrDefault(m => m.Groups["status"].Value is "NOKEY") is { } nokey)
        {
            return (Verdict.Failed, $"signed by key ID {nokey.Groups["key"].Value}, which is not in the keyring ({nokey.Value})");
        }
        if (signatures.FirstOrDefault(m => m.Groups["status"].Value is not "OK") is { } other)
        {
            return (Verdict.Failed, $"signature not accepted: {other.Value}");
        }
        if (KeyId is not null)
        {
            return (Verdict.Verified, "");
        }
        return _lines.Any(l => l.Contains(" signature: NOTFOUND", StringComparison.Ordinal))
            ? (Verdict.Unsigned, "the rpm carries no signature (digests only)")
            : (Verdict.Failed, $"no signature rpmkeys accepted: {string.Join(" | ", _lines)}");
    }

    [GeneratedRegex(@"Signature, key ID (?<key>[0-9a-fA-F]+): (?<status>[A-Z]+)")]
    private static partial Regex SignatureLine();
}
