using System.Globalization;

namespace ReproGet.Formats.OpenPgp;

/// <summary>
/// gpgv's and gpg's machine-readable status (<c>--status-fd</c>), one record per signature (<c>NEWSIG</c>), and the
/// rule that judges a signature as of a time: valid signature, key not revoked, key not expired at that time. gpgv
/// itself only knows "now" (2.2 has no faked time), so an expired key is accepted here when <c>KEYEXPIRED</c> is
/// later than the time asked for: an old signature still verifies as of its own date. gpg (not gpgv) also reports
/// the key's validity in the keyring's web of trust (<c>TRUST_*</c>), which pacman's keyring relies on.
/// </summary>
public sealed class GpgStatus
{
    public sealed class Signature
    {
        public string? KeyId { get; set; }
        public string? Uid { get; set; }
        public string? ValidFingerprint { get; set; }
        public string? PrimaryFingerprint { get; set; }
        public DateTimeOffset? SignedAt { get; set; }
        public bool Good { get; set; }
        public bool ExpiredKey { get; set; }
        public bool Bad { get; set; }
        public bool Revoked { get; set; }
        public bool NoPublicKey { get; set; }
        public string? ErrorKeyFingerprint { get; set; }
        public string? HashAlgorithm { get; set; }
        public List<DateTimeOffset> KeyExpiries { get; } = [];
        /// <summary>gpg's <c>TRUST_*</c> word after the signature (<c>FULLY</c>, <c>ULTIMATE</c>, <c>MARGINAL</c>, <c>UNDEFINED</c>, <c>NEVER</c>); gpgv prints none.</summary>
        public string? Trust { get; set; }
    }

    public List<Signature> Signatures { get; } = [];

    public static GpgStatus Parse(string statusText)
    {
        var status = new GpgStatus();
        Signature? current = null;
        foreach (var raw in statusText.Split('\n'))
        {
            if (!raw.StartsWith("[GNUPG:] ", StringComparison.Ordinal))
            {
                continue;
            }
            var words = raw["[GNUPG:] ".Length..].TrimEnd('\r').Split(' ');
            if (words[0] == "NEWSIG")
            {
                status.Signatures.Add(current = new Signature());
                continue;
            }
            if (current is null)
            {
                continue;
            }
            var rest = string.Join(' ', words.Skip(2));
            switch (words[0])
            {
                case "GOODSIG":
                    (current.Good, current.KeyId, current.Uid) = (true, At(words, 1), rest);
                    break;
                case "EXPKEYSIG":
                    (current.Good, current.ExpiredKey, current.KeyId, current.Uid) = (true, true, At(words, 1), rest);
                    break;
                case "EXPSIG":
                    current.Bad = true;
                    break;
                case "REVKEYSIG":
                    (current.Revoked, current.KeyId, current.Uid) = (true, At(words, 1), rest);
                    break;
                case "BADSIG":
                    (current.Bad, current.KeyId, current.Uid) = (true, At(words, 1), rest);
                    break;
                case "KEYEXPIRED" when Epoch(At(words, 1)) is { } expiry:
                    current.KeyExpiries.Add(expiry);
                    break;
                case "VALIDSIG":
                    current.ValidFingerprint = At(words, 1);
                    current.SignedAt = Epoch(At(words, 3));
                    current.PrimaryFingerprint = At(words, 10) ?? current.ValidFingerprint;
                    current.HashAlgorithm = At(words, 8);
                    break;
                case "ERRSIG":
                    current.KeyId ??= At(words, 1);
                    current.SignedAt ??= Epoch(At(words, 5));
                    current.ErrorKeyFingerprint = At(words, 7);
                    break;
                case "NO_PUBKEY":
                    current.NoPublicKey = true;
                    break;
                case var trust when trust.StartsWith("TRUST_", StringComparison.Ordinal):
                    current.Trust = trust["TRUST_".Length..];
                    break;
            }
        }
        return status;
    }

    /// <summary>
    /// The first signature accepted as of <paramref name="asOf"/> (null: as of its own time), or every reason none was.
    /// With <paramref name="requireFullTrust"/> the key must also be fully or ultimately valid in gpg's web of trust
    /// (pacman's rule); gpgv's keyrings trust every key they hold.
    /// </summary>
    public (OpenPgpSigner? Signer, string? Failure) Judge(DateTimeOffset? asOf, DateTimeOffset now, bool requireFullTrust = false)
    {
        var reasons = new List<string>();
        foreach (var signature in Signatures)
        {
            if ((Reject(signature, asOf, now) ?? (requireFullTrust ? Untrusted(signature) : null)) is { } reason)
            {
                reasons.Add(reason);
                continue;
            }
            return (new OpenPgpSigner(signature.PrimaryFingerprint!, signature.Uid ?? "", signature.SignedAt!.Value), null);
        }
        return (null, reasons.Count == 0 ? "no OpenPGP signature found" : string.Join("; ", reasons.Distinct()));
    }

    private static string? Reject(Signature s, DateTimeOffset? asOf, DateTimeOffset now)
    {
        var key = s.PrimaryFingerprint ?? s.ErrorKeyFingerprint ?? s.KeyId ?? "(unknown key)";
        if (s.NoPublicKey)
        {
            return $"signed by key {key}, which is not in the keyring";
        }
        if (s.Bad)
        {
            return $"BAD signature by key {key} {s.Uid}: the signed text was changed";
        }
        if (s.Revoked)
        {
            return $"key {key} {s.Uid} is revoked";
        }
        if (!s.Good || s.ValidFingerprint is null || s.SignedAt is not { } signedAt)
        {
            return $"signature by key {key} could not be checked";
        }
        if (s.HashAlgorithm is "1" or "2")
        {
            return $"signature by {key} uses a weak digest ({(s.HashAlgorithm == "1" ? "MD5" : "SHA-1")})";
        }
        var at = asOf ?? signedAt;
        if (signedAt > at)
        {
            return $"signature by {key} was made {Format(signedAt)}, after {Format(at)}";
        }
        if (signedAt > now.AddHours(1))
        {
            return $"signature by {key} claims to be made in the future ({Format(signedAt)})";
        }
        if (s.KeyExpiries.Where(e => e <= at).Select(e => (DateTimeOffset?)e).Min() is { } expired)
        {
            return $"key {key} {s.Uid} expired {Format(expired)}, before {Format(at)}";
        }
        if (s.ExpiredKey && s.KeyExpiries.Count == 0)
        {
            return $"key {key} {s.Uid} has expired and gpgv did not say when";
        }
        return null;
    }

    private static string? Untrusted(Signature s) => s.Trust is "FULLY" or "ULTIMATE"
        ? null
        : $"key {s.PrimaryFingerprint} {s.Uid} is in the keyring but not trusted ({(s.Trust is { } t ? "validity " + t.ToLowerInvariant() : "no validity")}; a key must be fully trusted, as pacman requires)";

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? At(string[] words, int index) => index < words.Length ? words[index] : null;

    private static DateTimeOffset? Epoch(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
