namespace ReproGet.Distros.Debian.Provenance;

/// <summary>The signature link of one suite: the lock's <c>dists/&lt;suite&gt;/InRelease</c> and how its check went.</summary>
public sealed record SuiteProof(string Suite, string InReleaseName, SignatureCheck Check)
{
    public ReleaseFile? Release => Check.Release;
}
