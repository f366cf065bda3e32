using ReproGet.Core.Packages;

namespace ReproGet.Distros.Fedora;

/// <summary>
/// Lock names of rpm files. They follow Koji's layout, as the Go tool's Fedora lockfiles do:
/// <c>&lt;source name&gt;/&lt;source version&gt;/&lt;source release&gt;/&lt;arch&gt;/&lt;file&gt;</c>
/// (<c>neofetch/7.1.0/7.fc36/noarch/neofetch-7.1.0-7.fc36.noarch.rpm</c>), so
/// <c>https://kojipkgs.fedoraproject.org/packages/{{.Name}}</c> finds the build.
/// </summary>
public static class RpmPackageFile
{
    /// <summary>The Koji path of <paramref name="fileName"/>, built from <paramref name="sourceRpm"/>; null when that is no source rpm name.</summary>
    public static string? KojiName(string sourceRpm, string architecture, string fileName)
    {
        if (!sourceRpm.EndsWith(".src.rpm", StringComparison.Ordinal) && !sourceRpm.EndsWith(".nosrc.rpm", StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            var source = PackageFileName.TryParse(sourceRpm);
            return source is null ? null : $"{source.Package}/{source.Version}/{source.Release}/{architecture}/{fileName}";
        }
        catch (Core.Errors.ReproGetException)
        {
            return null;
        }
    }
}
