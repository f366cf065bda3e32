using System.Security.Cryptography;

namespace ReproGet.Formats.Apk;

/// <summary>
/// One <c>.SIGN.RSA.&lt;key&gt;</c> (PKCS#1 v1.5 over SHA-1) or <c>.SIGN.RSA256.&lt;key&gt;</c> (over SHA-256) entry of
/// a package's or an index's signature member; <see cref="KeyName"/> is the file name of the public key in
/// <c>/etc/apk/keys</c>.
/// </summary>
public sealed record ApkSignature(string KeyName, HashAlgorithmName Hash, byte[] Value)
{
    private const string Sha1Prefix = ".SIGN.RSA.";
    private const string Sha256Prefix = ".SIGN.RSA256.";

    /// <summary>Whether a tar entry name is a signature entry at all (of any type).</summary>
    public static bool IsSignatureEntry(string entryName) => entryName.StartsWith(".SIGN.", StringComparison.Ordinal);

    /// <summary>The signature an entry holds, or null for signature types apk v2 does not check either (DSA, …).</summary>
    public static ApkSignature? FromEntry(string entryName, byte[] value)
    {
        if (entryName.StartsWith(Sha256Prefix, StringComparison.Ordinal) && entryName.Length > Sha256Prefix.Length)
        {
            return new ApkSignature(entryName[Sha256Prefix.Length..], HashAlgorithmName.SHA256, value);
        }
        if (entryName.StartsWith(Sha1Prefix, StringComparison.Ordinal) && entryName.Length > Sha1Prefix.Length)
        {
            return new ApkSignature(entryName[Sha1Prefix.Length..], HashAlgorithmName.SHA1, value);
        }
        return null;
    }

    public string EntryName => (Hash == HashAlgorithmName.SHA256 ? Sha256Prefix : Sha1Prefix) + KeyName;
}
