namespace ReproGet.Sources.Ipfs.Multiformats;

/// <summary>The multicodec codes this tool meets in UnixFS files (multiformats/multicodec table.csv).</summary>
public static class Multicodec
{
    /// <summary>A block that is plain bytes: a raw leaf of a CIDv1 file.</summary>
    public const ulong Raw = 0x55;

    /// <summary>A protobuf dag-pb node: every CIDv0, and the inner nodes of UnixFS files.</summary>
    public const ulong DagPb = 0x70;

    /// <summary>The multihash code of SHA2-256, the only hash <c>ipfs add</c> uses by default.</summary>
    public const ulong Sha2_256 = 0x12;

    public static string Name(ulong codec) => codec switch
    {
        Raw => "raw",
        DagPb => "dag-pb",
        0x71 => "dag-cbor",
        0x0129 => "dag-json",
        _ => $"0x{codec:x}",
    };
}
