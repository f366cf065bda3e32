using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ReproGet.Sources.Ipfs.Tests.Vectors;

/// <summary>
/// Kubo's deterministic test input (test/cli/testutils/random_deterministic.go): the ChaCha20 (RFC 8439) keystream
/// under key SHA-256(seed), an all-zero nonce and block counter 0, cut to <c>length</c> bytes. Generated on the fly,
/// so a gigabyte input is never held.
/// </summary>
public sealed class ChaCha20Stream(string seed, long length) : GeneratedStream(length)
{
    private readonly uint[] _key = ToWords(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
    private readonly byte[] _block = new byte[64];
    private uint _counter;
    private int _blockOffset = 64;

    protected override void Generate(Span<byte> destination)
    {
        var written = 0;
        while (written < destination.Length)
        {
            if (_blockOffset == 64)
            {
                NextBlock();
            }
            var take = Math.Min(64 - _blockOffset, destination.Length - written);
            _block.AsSpan(_blockOffset, take).CopyTo(destination[written..]);
            _blockOffset += take;
            written += take;
        }
    }

    private static uint[] ToWords(byte[] bytes)
    {
        var words = new uint[bytes.Length / 4];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        }
        return words;
    }

    private void NextBlock()
    {
        // "expand 32-byte k", the key, the block counter and a zero nonce; locals keep the rounds in registers.
        uint s0 = 0x61707865, s1 = 0x3320646e, s2 = 0x79622d32, s3 = 0x6b206574;
        uint s4 = _key[0], s5 = _key[1], s6 = _key[2], s7 = _key[3], s8 = _key[4], s9 = _key[5], s10 = _key[6], s11 = _key[7];
        uint s12 = _counter++, s13 = 0, s14 = 0, s15 = 0;
        uint x0 = s0, x1 = s1, x2 = s2, x3 = s3, x4 = s4, x5 = s5, x6 = s6, x7 = s7;
        uint x8 = s8, x9 = s9, x10 = s10, x11 = s11, x12 = s12, x13 = s13, x14 = s14, x15 = s15;
        for (var round = 0; round < 10; round++)
        {
            QuarterRound(ref x0, ref x4, ref x8, ref x12);
            QuarterRound(ref x1, ref x5, ref x9, ref x13);
            QuarterRound(ref x2, ref x6, ref x10, ref x14);
            QuarterRound(ref x3, ref x7, ref x11, ref x15);
            QuarterRound(ref x0, ref x5, ref x10, ref x15);
            QuarterRound(ref x1, ref x6, ref x11, ref x12);
            QuarterRound(ref x2, ref x7, ref x8, ref x13);
            QuarterRound(ref x3, ref x4, ref x9, ref x14);
        }
        var block = _block.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(block, x0 + s0);
        BinaryPrimitives.WriteUInt32LittleEndian(block[4..], x1 + s1);
        BinaryPrimitives.WriteUInt32LittleEndian(block[8..], x2 + s2);
        BinaryPrimitives.WriteUInt32LittleEndian(block[12..], x3 + s3);
        BinaryPrimitives.WriteUInt32LittleEndian(block[16..], x4 + s4);
        BinaryPrimitives.WriteUInt32LittleEndian(block[20..], x5 + s5);
        BinaryPrimitives.WriteUInt32LittleEndian(block[24..], x6 + s6);
        BinaryPrimitives.WriteUInt32LittleEndian(block[28..], x7 + s7);
        BinaryPrimitives.WriteUInt32LittleEndian(block[32..], x8 + s8);
        BinaryPrimitives.WriteUInt32LittleEndian(block[36..], x9 + s9);
        BinaryPrimitives.WriteUInt32LittleEndian(block[40..], x10 + s10);
        BinaryPrimitives.WriteUInt32LittleEndian(block[44..], x11 + s11);
        BinaryPrimitives.WriteUInt32LittleEndian(block[48..], x12 + s12);
        BinaryPrimitives.WriteUInt32LittleEndian(block[52..], x13 + s13);
        BinaryPrimitives.WriteUInt32LittleEndian(block[56..], x14 + s14);
        BinaryPrimitives.WriteUInt32LittleEndian(block[60..], x15 + s15);
        _blockOffset = 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void QuarterRound(ref uint a, ref uint b, ref uint c, ref uint d)
    {
        a += b;
        d = uint.RotateLeft(d ^ a, 16);
        c += d;
        b = uint.RotateLeft(b ^ c, 12);
        a += b;
        d = uint.RotateLeft(d ^ a, 8);
        c += d;
        b = uint.RotateLeft(b ^ c, 7);
    }
}
