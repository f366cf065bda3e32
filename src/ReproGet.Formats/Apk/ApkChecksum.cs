using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace ReproGet.Formats.Apk;

/// <summary>
/// apk's identity of a package file: <c>Q1</c> + base64 of the SHA-1 of its control member, as the index's and the
/// installed database's <c>C:</c> field carry it. It pins the control data, which pins the file's data by its
/// <c>datahash</c>.
/// </summary>
public readonly record struct ApkChecksum
{
    private const string Sha1Prefix = "Q1";

    private ApkChecksum(byte[] sha1) => Sha1 = sha1;

    public byte[] Sha1 { get; }

    public static ApkChecksum OfControl(ReadOnlySpan<byte> controlMember) => new(SHA1.HashData(controlMember));

    public static bool TryParse(string? text, [NotNullWhen(true)] out ApkChecksum? checksum)
    {
        checksum = null;
        if (text is null || !text.StartsWith(Sha1Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var bytes = new byte[20];
        if (!Convert.TryFromBase64String(text[Sha1Prefix.Length..], bytes, out var written) || written != 20)
        {
            return false;
        }
        checksum = new ApkChecksum(bytes);
        return true;
    }

    /// <summary>The eight hex digits apk puts in cache file names: <c>bash-5.1.16-r2.&lt;tag&gt;.apk</c>.</summary>
    public string CacheTag => Convert.ToHexStringLower(Sha1.AsSpan(0, 4));

    public bool Equals(ApkChecksum other) => Sha1.AsSpan().SequenceEqual(other.Sha1);

    public override int GetHashCode() => BitConverter.ToInt32(Sha1, 0);

    public override string ToString() => Sha1Prefix + Convert.ToBase64String(Sha1);
}
