namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// The outcome of checking one <c>InRelease</c>: the signed Release and who signed it, or why no signature was
/// accepted. <see cref="Release"/> is only ever the text the signature covers.
/// </summary>
public sealed record SignatureCheck(ReleaseFile? Release, ReleaseSigner? Signer, string? Failure)
{
    public bool IsValid => Failure is null && Release is not null && Signer is not null;

    public static SignatureCheck Valid(ReleaseFile release, ReleaseSigner signer) => new(release, signer, null);

    public static SignatureCheck Failed(string why) => new(null, null, why);
}
