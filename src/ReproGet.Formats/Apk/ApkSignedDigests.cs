using System.Security.Cryptography;

namespace ReproGet.Formats.Apk;

/// <summary>The SHA-1 and SHA-256 of the bytes a signature covers, so either signature type can be checked.</summary>
public sealed record ApkSignedDigests(byte[] Sha1, byte[] Sha256)
{
    public static ApkSignedDigests Of(ReadOnlySpan<byte> signed) => new(SHA1.HashData(signed), SHA256.HashData(signed));

    public byte[] For(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA256 ? Sha256
        : hash == HashAlgorithmName.SHA1 ? Sha1
        : throw new ArgumentOutOfRangeException(nameof(hash), hash, "apk signs with SHA-1 or SHA-256");
}
