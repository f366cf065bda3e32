using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>The UnixFS node types (ipfs/specs UNIXFS.md).</summary>
public enum UnixFsType
{
    Raw = 0,
    Directory = 1,
    File = 2,
    Metadata = 3,
    Symlink = 4,
    HamtShard = 5,
}

/// <summary>
/// The UnixFS message inside a dag-pb node's Data: <c>Type = 1; Data = 2; filesize = 3; repeated blocksizes = 4</c>
/// (fields 5–8, hash type, fanout, mode and mtime, are skipped: files from <c>ipfs add</c> do not set them).
/// </summary>
public sealed record UnixFsData(UnixFsType Type, byte[] Data, ulong? FileSize, IReadOnlyList<ulong> BlockSizes)
{
    private const int FieldType = 1;
    private const int FieldData = 2;
    private const int FieldFileSize = 3;
    private const int FieldBlockSizes = 4;

    /// <summary>An inner file node: no data of its own, the total size, and each child's file bytes.</summary>
    public static byte[] EncodeFileNode(ulong fileSize, IEnumerable<ulong> blockSizes)
    {
        var writer = new ProtobufWriter();
        writer.WriteVarintField(FieldType, (ulong)UnixFsType.File);
        writer.WriteVarintField(FieldFileSize, fileSize);
        foreach (var size in blockSizes)
        {
            // Unpacked, as Kubo's proto2 encoder writes repeated fields.
            writer.WriteVarintField(FieldBlockSizes, size);
        }
        return writer.ToArray();
    }

    /// <summary>
    /// The bytes of a dag-pb leaf before and after its chunk: <c>PBNode{Data: UnixFS{Type=File, Data=chunk,
    /// filesize=n}}</c>. Split so a chunk can be hashed where it lies. An empty chunk has no Data field, as in Kubo.
    /// </summary>
    public static (byte[] Header, byte[] Trailer) EncodeLeafFrame(int chunkLength)
    {
        var trailer = new ProtobufWriter(12);
        trailer.WriteVarintField(FieldFileSize, (ulong)chunkLength);
        var inner = new ProtobufWriter(16);
        inner.WriteVarintField(FieldType, (ulong)UnixFsType.File);
        if (chunkLength > 0)
        {
            inner.WriteLengthPrefix(FieldData, chunkLength);
        }
        var unixFsLength = inner.Length + chunkLength + trailer.Length;
        var header = new ProtobufWriter(24);
        header.WriteLengthPrefix(1, unixFsLength);
        header.WriteRaw(inner.WrittenSpan);
        return (header.ToArray(), trailer.ToArray());
    }

    public static UnixFsData Decode(ReadOnlySpan<byte> bytes, string what)
    {
        var reader = new ProtobufReader(bytes, what);
        UnixFsType? type = null;
        byte[] data = [];
        ulong? fileSize = null;
        var blockSizes = new List<ulong>();
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case FieldType when wire == ProtobufReader.WireVarint:
                    type = (UnixFsType)reader.ReadVarint();
                    break;
                case FieldData when wire == ProtobufReader.WireLengthDelimited:
                    data = reader.ReadBytes().ToArray();
                    break;
                case FieldFileSize when wire == ProtobufReader.WireVarint:
                    fileSize = reader.ReadVarint();
                    break;
                case FieldBlockSizes when wire == ProtobufReader.WireVarint:
                    blockSizes.Add(reader.ReadVarint());
                    break;
                case FieldBlockSizes when wire == ProtobufReader.WireLengthDelimited:
                    ReadPacked(reader.ReadBytes(), blockSizes, what);
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
        return new UnixFsData(type ?? throw reader.Malformed("UnixFS data without a Type"), data, fileSize, blockSizes);
    }

    private static void ReadPacked(ReadOnlySpan<byte> packed, List<ulong> into, string what)
    {
        while (packed.Length > 0)
        {
            if (!Varint.TryRead(packed, out var value, out var length))
            {
                throw new IpfsFormatException($"{what} is not valid protobuf: bad packed blocksizes");
            }
            into.Add(value);
            packed = packed[length..];
        }
    }
}
