namespace ReproGet.Sources.Ipfs.Gateway;

/// <summary>What a gateway answered when asked for verifiable data; learned once per gateway and run.</summary>
internal enum GatewayProtocol
{
    Unknown,

    /// <summary>Whole DAGs as CARv1 (<c>?format=car</c>): one request per file.</summary>
    Car,

    /// <summary>Single blocks (<c>?format=raw</c>): one request per block.</summary>
    RawBlocks,

    /// <summary>Neither: only the file's bytes, trusted no further than the lockfile's SHA-256.</summary>
    PlainBytes,
}
