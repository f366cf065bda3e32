using System.Diagnostics.CodeAnalysis;

namespace ReproGet.Core.Hashing;

/// <summary>A SHA-256 digest in its canonical form: 64 lowercase hex characters.</summary>
public readonly record struct Sha256Digest
{
    public const int HexLength = 64;

    /// <summary>The algorithm prefix of the OCI digest form.</summary>
    public const string Prefix = "sha256:";

    private Sha256Digest(string hex) => Hex = hex;

    public string Hex { get; }

    /// <summary>The algorithm-prefixed form OCI registries and the cache's origin records use: <c>sha256:&lt;hex&gt;</c>.</summary>
    public string Prefixed => Prefix + Hex;

    public static Sha256Digest FromBytes(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != 32)
        {
            throw new ArgumentException("a SHA-256 digest has 32 bytes", nameof(hash));
        }
        return new Sha256Digest(Convert.ToHexStringLower(hash));
    }

    /// <summary>Accepts exactly 64 lowercase hex characters, as repro-get does (uppercase is rejected).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Sha256Digest? digest)
    {
        digest = null;
        if (text is null || text.Length != HexLength || !text.All(IsLowerHex))
        {
            return false;
        }
        digest = new Sha256Digest(text);
        return true;
    }

    public static Sha256Digest Parse(string text) =>
        TryParse(text, out var digest)
            ? digest.Value
            : throw new FormatException($"invalid sha256 \"{text}\": want 64 lowercase hex characters");

    /// <summary>Parses <c>sha256:&lt;hex&gt;</c>; false for anything else.</summary>
    public static bool TryParsePrefixed(string? text, [NotNullWhen(true)] out Sha256Digest? digest)
    {
        digest = null;
        return text is not null && text.StartsWith(Prefix, StringComparison.Ordinal) && TryParse(text[Prefix.Length..], out digest);
    }

    /// <summary>Why <paramref name="text"/> is not a digest, or null when it is one.</summary>
    public static string? Explain(string text)
    {
        if (text.Length != HexLength)
        {
            return $"invalid sha256 \"{text}\": length {text.Length}, want {HexLength}";
        }
        if (text.Any(c => c is >= 'A' and <= 'F'))
        {
            return $"invalid sha256 \"{text}\": uppercase hex is not accepted, write it in lowercase";
        }
        return text.All(IsLowerHex) ? null : $"invalid sha256 \"{text}\": not hexadecimal";
    }

    public override string ToString() => Hex;

    private static bool IsLowerHex(char c) => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f';
}
