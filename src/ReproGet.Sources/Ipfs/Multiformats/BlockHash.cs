using ReproGet.Core.Hashing;

namespace ReproGet.Sources.Ipfs.Multiformats;

/// <summary>Checks a block against the CID that names it: the one place where a block from anywhere becomes trusted.</summary>
public static class BlockHash
{
    public static byte[] Sha256(ReadOnlySpan<byte> block) => Convert.FromHexString(Sha256Hasher.HashBytes(block).Hex);

    /// <summary>The CID of <paramref name="block"/> under the given version and codec.</summary>
    public static Cid CidOf(ReadOnlySpan<byte> block, int version, ulong codec) => Cid.FromSha256(version, codec, Sha256(block));

    /// <summary>Throws unless <paramref name="block"/> hashes to <paramref name="expected"/>; <paramref name="where"/> says where it came from.</summary>
    public static void Verify(Cid expected, ReadOnlySpan<byte> block, string where,
        string hint = "the gateway served altered or wrong data; use another gateway")
    {
        if (expected.HashFunction != Multicodec.Sha2_256 || expected.Sha256Digest.IsEmpty)
        {
            throw new IpfsFormatException($"block {expected} from {where}: multihash 0x{expected.HashFunction:x} cannot be checked (only sha2-256 is supported)",
                "pin the file with Kubo's default hash (sha2-256)");
        }
        var actual = Sha256(block);
        if (!actual.AsSpan().SequenceEqual(expected.Sha256Digest))
        {
            throw new IpfsFormatException(
                $"block {expected} from {where} does not match its CID (its {block.Length} bytes hash to sha256 {Convert.ToHexStringLower(actual)}); refused",
                hint);
        }
    }
}
