using ReproGet.Core.Errors;

namespace ReproGet.Sources.Ipfs;

/// <summary>Bytes that claim to be IPFS data (a CID, a dag-pb block, a CAR) but are malformed or do not verify.</summary>
public sealed class IpfsFormatException(string message, string? hint = null, Exception? inner = null)
    : ReproGetException(message, hint, inner);
