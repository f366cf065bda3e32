using System.Buffers;
using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>
/// Writes the few protobuf fields dag-pb and UnixFS use, in exactly the order called. Hand-written rather than
/// Google.Protobuf because a CID hashes the bytes, and Kubo writes dag-pb Links (field 2) before Data (field 1),
/// which a generated serializer (always in field-number order) would not reproduce.
/// </summary>
internal sealed class ProtobufWriter
{
    private const int WireVarint = 0;
    private const int WireLengthDelimited = 2;

    private readonly ArrayBufferWriter<byte> _buffer;

    public ProtobufWriter(int capacity = 64) => _buffer = new ArrayBufferWriter<byte>(capacity);

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void WriteVarintField(int field, ulong value)
    {
        WriteVarint(((ulong)field << 3) | WireVarint);
        WriteVarint(value);
    }

    public void WriteBytesField(int field, ReadOnlySpan<byte> value)
    {
        WriteLengthPrefix(field, value.Length);
        _buffer.Write(value);
    }

    /// <summary>The tag and length of a length-delimited field whose <paramref name="length"/> bytes the caller writes next.</summary>
    public void WriteLengthPrefix(int field, int length)
    {
        WriteVarint(((ulong)field << 3) | WireLengthDelimited);
        WriteVarint((ulong)length);
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    private void WriteVarint(ulong value)
    {
        var span = _buffer.GetSpan(Varint.MaxLength);
        _buffer.Advance(Varint.Write(span, value));
    }
}
