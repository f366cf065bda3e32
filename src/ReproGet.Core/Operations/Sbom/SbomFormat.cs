namespace ReproGet.Core.Operations.Sbom;

public enum SbomFormat
{
    CycloneDx,
    Spdx,
}
