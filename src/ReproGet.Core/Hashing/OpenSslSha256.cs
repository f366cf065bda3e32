using System.Security.Cryptography;

namespace ReproGet.Core.Hashing;

/// <summary>SHA-256 through .NET's IncrementalHash (OpenSSL on Linux).</summary>
internal sealed class OpenSslSha256 : Sha256Hasher
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public override void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

    public override Sha256Digest Finish()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetHashAndReset(digest);
        return Sha256Digest.FromBytes(digest);
    }

    public override void Dispose() => _hash.Dispose();
}
