using ReproGet.Distros.Fedora.Repodata;

namespace ReproGet.Distros.Fedora.Configuration;

/// <summary>
/// Where a repository keeps its package files under the baseurl, read from the first package of the primary.xml dnf
/// cached for it: nothing (createrepo_c over one folder), one fixed folder (<c>Packages/</c> on CentOS, RHEL, Rocky),
/// or a folder per first letter (<c>Packages/h/</c> on Fedora), which a provider template cannot express.
/// </summary>
public static class PackageFolder
{
    /// <summary>The folder with a trailing '/' ("" for none); null when it depends on the package's first letter.</summary>
    public static string? Of(CachedRepository? repository)
    {
        if (repository is null)
        {
            return "";
        }
        RepoPackage? first;
        try
        {
            var repomd = RepomdFile.Read(repository.RepomdPath);
            var primary = Path.Combine(repository.RepodataDirectory, Path.GetFileName(repomd.PrimaryLocation));
            first = File.Exists(primary) ? PrimaryReader.Read(primary, repository.Id).FirstOrDefault() : null;
        }
        catch (Core.Errors.ReproGetException)
        {
            // Providers are only a guess here; hash generate reports damaged metadata where it matters.
            return "";
        }
        if (first is null)
        {
            return "";
        }
        var folder = first.Location.Length > first.FileName.Length && first.Location.EndsWith("/" + first.FileName, StringComparison.Ordinal)
            ? first.Location[..^first.FileName.Length]
            : "";
        var letter = char.ToLowerInvariant(first.Name[0]) + "/";
        return folder.EndsWith("/" + letter, StringComparison.Ordinal) || folder == letter ? null : folder;
    }
}
