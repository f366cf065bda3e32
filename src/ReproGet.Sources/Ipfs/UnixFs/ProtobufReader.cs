using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>Reads protobuf fields one by one from a block; anything malformed is an <see cref="IpfsFormatException"/>.</summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> data, string what)
{
    public const int WireVarint = 0;
    public const int WireFixed64 = 1;
    public const int WireLengthDelimited = 2;
    public const int WireFixed32 = 5;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool AtEnd => _position >= _data.Length;

    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        var field = tag >> 3;
        if (field is 0 or > int.MaxValue)
        {
            throw Malformed($"field number {field}");
        }
        return ((int)field, (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        if (!Varint.TryRead(_data[_position..], out var value, out var length))
        {
            // Protobuf allows 10-byte varints for negative ints; UnixFS and dag-pb use none.
            throw Malformed("bad varint");
        }
        _position += length;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw Malformed("field runs past the end");
        }
        var bytes = _data.Slice(_position, (int)length);
        _position += (int)length;
        return bytes;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case WireVarint:
                ReadVarint();
                break;
            case WireLengthDelimited:
                ReadBytes();
                break;
            case WireFixed64:
                Advance(8);
                break;
            case WireFixed32:
                Advance(4);
                break;
            default:
                throw Malformed($"wire type {wireType}");
        }
    }

    public readonly IpfsFormatException Malformed(string detail) => new($"{what} is not valid protobuf: {detail}");

    private void Advance(int count)
    {
        if (count > _data.Length - _position)
        {
            throw Malformed("field runs past the end");
        }
        _position += count;
    }
}
