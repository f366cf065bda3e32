using ReproGet.Core.Hashing;

namespace ReproGet.Core.Tests.Hashing;

/// <summary>Both SHA-256 backends (OpenSSL and libgcrypt) give the standard digests, in one piece or many.</summary>
public sealed class Sha256HasherTests
{
    public static TheoryData<string> Backends() => ["openssl", "gcrypt"];

    private static Sha256Hasher Create(string backend) => backend == "gcrypt" ? new GcryptSha256() : new OpenSslSha256();

    [Theory]
    [MemberData(nameof(Backends))]
    public void KnownVectors(string backend)
    {
        using var hasher = Create(backend);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hasher.Finish().Hex);
        hasher.Append("abc"u8);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hasher.Finish().Hex);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void PiecewiseEqualsWhole(string backend)
    {
        var data = new byte[1_000_003];
        new Random(42).NextBytes(data);
        using var hasher = Create(backend);
        for (var offset = 0; offset < data.Length; offset += 65_537)
        {
            hasher.Append(data.AsSpan(offset, Math.Min(65_537, data.Length - offset)));
        }
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data)), hasher.Finish().Hex);
    }

    [Fact]
    public void DigestsAreLowercaseHexOfThirtyTwoBytes()
    {
        Assert.Throws<ArgumentException>(() => Sha256Digest.FromBytes(new byte[31]));
        Assert.False(Sha256Digest.TryParse(KnownHashes.Hello.ToUpperInvariant(), out _));
        Assert.True(Sha256Digest.TryParse(KnownHashes.Hello, out var digest));
        Assert.Equal(KnownHashes.Hello, digest.Value.ToString());
    }
}
