namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>
/// How a file becomes a DAG, as <c>ipfs add</c> flags say it: fixed-size chunks, a balanced tree of at most
/// <see cref="MaxLinks"/> children per node, dag-pb or raw leaves, CID version. <see cref="KuboDefault"/> is
/// <c>ipfs add</c> (the IPIP-499 profile unixfs-v0-2015); <see cref="KuboCidV1"/> is <c>ipfs add --cid-version=1</c>.
/// </summary>
public sealed record UnixFsImportOptions
{
    public const int DefaultChunkSize = 256 * 1024;
    public const int DefaultMaxLinks = 174;

    public static UnixFsImportOptions KuboDefault { get; } = new();

    public static UnixFsImportOptions KuboCidV1 { get; } = new() { CidVersion = 1, RawLeaves = true };

    /// <summary>IPIP-499 unixfs-v1-2025: CIDv1, raw leaves, 1 MiB chunks, 1024 links.</summary>
    public static UnixFsImportOptions UnixFsV1_2025 { get; } =
        new() { CidVersion = 1, RawLeaves = true, ChunkSize = 1024 * 1024, MaxLinks = 1024 };

    public int CidVersion { get; init; }

    public bool RawLeaves { get; init; }

    public int ChunkSize { get; init; } = DefaultChunkSize;

    public int MaxLinks { get; init; } = DefaultMaxLinks;

    /// <summary>Kubo's defaults for a CID version: v1 implies raw leaves unless said otherwise.</summary>
    public static UnixFsImportOptions ForCidVersion(int version, bool? rawLeaves = null) => version switch
    {
        0 => KuboDefault with { RawLeaves = rawLeaves ?? false },
        1 => KuboCidV1 with { RawLeaves = rawLeaves ?? true },
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "CID version must be 0 or 1"),
    };

    /// <summary>
    /// The Kubo layouts that can have made <paramref name="cid"/>: a CIDv0 is the default; a raw CIDv1 is one raw leaf;
    /// a dag-pb CIDv1 root has raw leaves (Kubo's <c>--cid-version 1</c>) or dag-pb leaves (<c>--raw-leaves=false</c>).
    /// </summary>
    public static IReadOnlyList<UnixFsImportOptions> CandidatesFor(Multiformats.Cid cid) => cid.Version == 0
        ? [KuboDefault]
        : cid.Codec == Multiformats.Multicodec.Raw
            ? [KuboCidV1]
            : [KuboCidV1, KuboCidV1 with { RawLeaves = false }];

    public void Validate()
    {
        if (CidVersion is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(CidVersion), CidVersion, "CID version must be 0 or 1");
        }
        if (ChunkSize is < 1 or > 1024 * 1024 * 2)
        {
            throw new ArgumentOutOfRangeException(nameof(ChunkSize), ChunkSize, "chunk size must be 1 byte to 2 MiB");
        }
        if (MaxLinks < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLinks), MaxLinks, "a node needs room for at least 2 links");
        }
    }
}
