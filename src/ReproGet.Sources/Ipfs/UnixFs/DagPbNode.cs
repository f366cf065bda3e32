using System.Text;
using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>
/// A dag-pb block: <c>PBNode { repeated PBLink Links = 2; optional bytes Data = 1; }</c>, with
/// <c>PBLink { Hash = 1; Name = 2; Tsize = 3; }</c>. Encoded in the canonical order Kubo uses: links first.
/// </summary>
public sealed record DagPbNode(IReadOnlyList<DagPbLink> Links, byte[]? Data)
{
    private const int NodeData = 1;
    private const int NodeLinks = 2;
    private const int LinkHash = 1;
    private const int LinkName = 2;
    private const int LinkTsize = 3;

    public byte[] Encode()
    {
        var node = new ProtobufWriter(64 + (Links.Count * 48) + (Data?.Length ?? 0));
        foreach (var child in Links)
        {
            var link = new ProtobufWriter(64);
            link.WriteBytesField(LinkHash, child.Hash.ToBytes());
            link.WriteBytesField(LinkName, Encoding.UTF8.GetBytes(child.Name));
            link.WriteVarintField(LinkTsize, child.Tsize);
            node.WriteBytesField(NodeLinks, link.WrittenSpan);
        }
        if (Data is not null)
        {
            node.WriteBytesField(NodeData, Data);
        }
        return node.ToArray();
    }

    /// <summary>Decodes a dag-pb block; <paramref name="what"/> names it in errors (its CID and where it came from).</summary>
    public static DagPbNode Decode(ReadOnlySpan<byte> block, string what)
    {
        var reader = new ProtobufReader(block, what);
        var links = new List<DagPbLink>();
        byte[]? data = null;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == NodeLinks && wire == ProtobufReader.WireLengthDelimited)
            {
                links.Add(DecodeLink(reader.ReadBytes(), what));
            }
            else if (field == NodeData && wire == ProtobufReader.WireLengthDelimited)
            {
                data = reader.ReadBytes().ToArray();
            }
            else
            {
                throw reader.Malformed($"unexpected field {field} in a dag-pb node");
            }
        }
        return new DagPbNode(links, data);
    }

    private static DagPbLink DecodeLink(ReadOnlySpan<byte> bytes, string what)
    {
        var reader = new ProtobufReader(bytes, what);
        Cid? hash = null;
        var name = "";
        ulong tsize = 0;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case LinkHash when wire == ProtobufReader.WireLengthDelimited:
                    var raw = reader.ReadBytes();
                    if (!Cid.TryRead(raw, out hash, out var length, out var problem) || length != raw.Length)
                    {
                        throw reader.Malformed($"a link holds an invalid CID ({(problem.Length > 0 ? problem : "trailing bytes")})");
                    }
                    break;
                case LinkName when wire == ProtobufReader.WireLengthDelimited:
                    name = Encoding.UTF8.GetString(reader.ReadBytes());
                    break;
                case LinkTsize when wire == ProtobufReader.WireVarint:
                    tsize = reader.ReadVarint();
                    break;
                default:
                    throw reader.Malformed($"unexpected field {field} in a dag-pb link");
            }
        }
        return new DagPbLink(hash ?? throw reader.Malformed("a link without a Hash"), name, tsize);
    }
}
