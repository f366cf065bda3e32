namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// Where an apt list sits in its archive: apt names lists after their URI with '/' as '_' and '_' escaped as
/// <c>%5f</c>, so <c>deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4</c> is the suite
/// <c>bookworm</c>'s <c>main/binary-amd64/Packages</c>, and its InRelease is the list named <c>…_dists_bookworm_InRelease</c>.
/// </summary>
public sealed record AptListPlace(string InReleasePath, string Suite, string PathInRelease)
{
    private static readonly string[] CompressionSuffixes = [".lz4", ".gz", ".xz", ".zst", ".bz2"];

    /// <summary>The place of <paramref name="packagesList"/>, or null when no InRelease list of its archive is there.</summary>
    public static AptListPlace? Locate(string packagesList)
    {
        var directory = Path.GetDirectoryName(packagesList)!;
        var name = Path.GetFileName(packagesList);
        var best = Directory.EnumerateFiles(directory, "*_InRelease")
            .Select(Path.GetFileName)
            .Select(f => f![..^"InRelease".Length])
            .Where(prefix => prefix.Contains("_dists_", StringComparison.Ordinal) && name.StartsWith(prefix, StringComparison.Ordinal))
            .OrderByDescending(prefix => prefix.Length)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }
        var suite = Unescape(best[(best.LastIndexOf("_dists_", StringComparison.Ordinal) + "_dists_".Length)..^1]);
        var rest = name[best.Length..];
        foreach (var suffix in CompressionSuffixes.Where(s => rest.EndsWith(s, StringComparison.Ordinal)))
        {
            rest = rest[..^suffix.Length];
        }
        return new AptListPlace(Path.Combine(directory, best + "InRelease"), suite, Unescape(rest));
    }

    private static string Unescape(string listPart) => Uri.UnescapeDataString(listPart.Replace('_', '/'));
}
