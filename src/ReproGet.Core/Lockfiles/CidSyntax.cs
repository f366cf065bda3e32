using System.Text.RegularExpressions;

namespace ReproGet.Core.Lockfiles;

/// <summary>
/// The shape of the CID in a <c>/ipfs/&lt;CID&gt;</c> lock line, checked when the lockfile is read: a CIDv0
/// (<c>Qm</c> + 44 base58btc characters) or a CIDv1 in one of the multibase encodings IPFS prints (base32
/// <c>ba…</c>, base36 <c>k…</c>, base58btc <c>z…</c>, base16 <c>f01…</c>). The value is pasted into provider URLs,
/// so nothing else (no <c>/</c>, <c>\</c>, <c>.</c>, <c>%</c>) may get through. The full decode happens in the IPFS source.
/// </summary>
public static partial class CidSyntax
{
    public static string? Explain(string cid) =>
        Grammar().IsMatch(cid) ? null : $"invalid CID {NameEscaping.Quote(cid)} in an /ipfs/ line: want a CIDv0 (Qm…) or a CIDv1 (bafy…, k…, z…)";

    [GeneratedRegex(
        "^(?:Qm[1-9A-HJ-NP-Za-km-z]{44}|ba[a-z2-7]{20,200}|BA[A-Z2-7]{20,200}|k[0-9a-z]{20,200}|z[1-9A-HJ-NP-Za-km-z]{20,200}|f01[0-9a-f]{20,300}|F01[0-9A-F]{20,300})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
