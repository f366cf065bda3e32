namespace ReproGet.Core.Providers;

/// <summary>The provider schemes of OCI registries: <c>oci</c> (https, or http on loopback), <c>oci+http</c>, <c>oci+https</c>.</summary>
public static class OciSchemes
{
    public static IReadOnlyList<string> All { get; } = ["oci", "oci+http", "oci+https"];

    /// <summary>True for an OCI scheme (lowercase): such a provider names a repository, not a file.</summary>
    public static bool Contains(string scheme) => All.Contains(scheme, StringComparer.Ordinal);
}
