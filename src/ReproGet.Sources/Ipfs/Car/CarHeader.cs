using System.Buffers;
using System.Text;
using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.Car;

/// <summary>
/// The CARv1 header, a dag-cbor map <c>{"roots": [CID…], "version": 1}</c>. Written in dag-cbor's canonical key order
/// (shorter keys first); read with a small strict CBOR reader that knows only what a header holds.
/// </summary>
public static class CarHeader
{
    private const int MajorUnsigned = 0;
    private const int MajorBytes = 2;
    private const int MajorText = 3;
    private const int MajorArray = 4;
    private const int MajorMap = 5;
    private const int MajorTag = 6;
    private const int MajorSimple = 7;
    private const ulong CidTag = 42;

    public static byte[] Encode(IReadOnlyList<Cid> roots)
    {
        var cbor = new ArrayBufferWriter<byte>();
        WriteHead(cbor, MajorMap, 2);
        WriteText(cbor, "roots");
        WriteHead(cbor, MajorArray, (ulong)roots.Count);
        foreach (var root in roots)
        {
            var bytes = root.ToBytes();
            WriteHead(cbor, MajorTag, CidTag);
            // A CID in dag-cbor is a byte string led by the 0x00 multibase "identity" prefix.
            WriteHead(cbor, MajorBytes, (ulong)bytes.Length + 1);
            cbor.Write<byte>([0]);
            cbor.Write(bytes);
        }
        WriteText(cbor, "version");
        WriteHead(cbor, MajorUnsigned, 1);
        return cbor.WrittenSpan.ToArray();
    }

    /// <summary>Decodes a header; <paramref name="what"/> names the CAR in errors. Only version 1 is accepted.</summary>
    public static IReadOnlyList<Cid> Decode(ReadOnlySpan<byte> header, string what)
    {
        var reader = new Reader(header, what);
        var roots = new List<Cid>();
        ulong? version = null;
        var entries = reader.ReadHead(MajorMap);
        for (ulong i = 0; i < entries; i++)
        {
            var key = Encoding.UTF8.GetString(reader.ReadString(MajorText));
            if (key == "roots")
            {
                var count = reader.ReadHead(MajorArray);
                for (ulong j = 0; j < count; j++)
                {
                    if (reader.ReadHead(MajorTag) != CidTag)
                    {
                        throw reader.Malformed("a root that is not a CID (tag 42)");
                    }
                    var bytes = reader.ReadString(MajorBytes);
                    if (bytes.Length < 2 || bytes[0] != 0 || !Cid.TryRead(bytes[1..], out var cid, out var length, out _)
                        || length != bytes.Length - 1)
                    {
                        throw reader.Malformed("a root with an invalid CID");
                    }
                    roots.Add(cid);
                }
            }
            else if (key == "version")
            {
                version = reader.ReadHead(MajorUnsigned);
            }
            else
            {
                throw reader.Malformed($"unexpected key \"{key}\"");
            }
        }
        if (!reader.AtEnd)
        {
            throw reader.Malformed("bytes after the header map");
        }
        return version == 1
            ? roots
            : throw new IpfsFormatException($"{what}: CAR version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} is not supported",
                "only CARv1 is read; `ipfs dag export` and trustless gateways write CARv1");
    }

    private static void WriteText(ArrayBufferWriter<byte> cbor, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteHead(cbor, MajorText, (ulong)bytes.Length);
        cbor.Write(bytes);
    }

    private static void WriteHead(ArrayBufferWriter<byte> cbor, int major, ulong value)
    {
        var type = (byte)(major << 5);
        switch (value)
        {
            case < 24:
                cbor.Write<byte>([(byte)(type | (byte)value)]);
                break;
            case <= byte.MaxValue:
                cbor.Write<byte>([(byte)(type | 24), (byte)value]);
                break;
            case <= ushort.MaxValue:
                cbor.Write<byte>([(byte)(type | 25), (byte)(value >> 8), (byte)value]);
                break;
            default:
                cbor.Write<byte>([(byte)(type | 26), (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
                break;
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> data, string what)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public readonly bool AtEnd => _position == _data.Length;

        /// <summary>Reads an item head of the given major type; returns its argument (a value, a length or a count).</summary>
        public ulong ReadHead(int major)
        {
            var initial = Next();
            if (initial >> 5 != major || major == MajorSimple)
            {
                throw Malformed($"major type {initial >> 5} where {major} was expected");
            }
            var info = initial & 31;
            return info switch
            {
                < 24 => (ulong)info,
                24 => Next(),
                25 => ((ulong)Next() << 8) | Next(),
                26 => ((ulong)Next() << 24) | ((ulong)Next() << 16) | ((ulong)Next() << 8) | Next(),
                _ => throw Malformed("an indefinite or 64-bit length"),
            };
        }

        public ReadOnlySpan<byte> ReadString(int major)
        {
            var length = ReadHead(major);
            if (length > (ulong)(_data.Length - _position))
            {
                throw Malformed("a string runs past the end");
            }
            var bytes = _data.Slice(_position, (int)length);
            _position += (int)length;
            return bytes;
        }

        public readonly IpfsFormatException Malformed(string detail) => new($"{what}: not a CARv1 header: {detail}");

        private byte Next() => _position < _data.Length ? _data[_position++] : throw Malformed("truncated");
    }
}
