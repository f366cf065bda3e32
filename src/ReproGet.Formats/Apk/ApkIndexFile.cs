namespace ReproGet.Formats.Apk;

/// <summary>
/// A repository index (<c>APKINDEX.tar.gz</c>): its signatures, the digests of the bytes they cover (every byte after
/// the signature member; null when unsigned), the <c>DESCRIPTION</c> (e.g. <c>v3.16.3-13-g4d933a1fa3</c>) and the
/// package records.
/// </summary>
public sealed record ApkIndexFile(IReadOnlyList<ApkSignature> Signatures, ApkSignedDigests? SignedDigests, string? Description,
    IReadOnlyList<ApkStanza> Packages);
