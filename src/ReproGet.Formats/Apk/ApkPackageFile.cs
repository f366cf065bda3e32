namespace ReproGet.Formats.Apk;

/// <summary>
/// What an apk v2 package file holds for checking it: its signatures, its exact control member (which they sign,
/// and whose SHA-1 is the index's <c>C:</c>), the <c>.PKGINFO</c> inside it, and the SHA-256 of the data member
/// (which the <c>.PKGINFO</c>'s <c>datahash</c> pins).
/// </summary>
public sealed record ApkPackageFile(IReadOnlyList<ApkSignature> Signatures, byte[] ControlMember, ApkPkgInfo PkgInfo,
    string DataSha256, long Length)
{
    public ApkChecksum Checksum => ApkChecksum.OfControl(ControlMember);

    public ApkSignedDigests SignedDigests => ApkSignedDigests.Of(ControlMember);

    /// <summary>Whether the data member is the one the (signed) control member names.</summary>
    public bool DataMatchesControl => string.Equals(PkgInfo.DataHash, DataSha256, StringComparison.Ordinal);
}
