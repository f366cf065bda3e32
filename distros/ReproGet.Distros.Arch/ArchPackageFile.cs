using ReproGet.Core.Packages;

namespace ReproGet.Distros.Arch;

/// <summary>
/// Names of pacman package files (<c>zlib-1:1.2.13-1-x86_64.pkg.tar.zst</c>, and <c>.pkg.tar.xz</c> from before
/// 2020), their detached signatures (<c>….sig</c>), and where the Arch Linux Archive keeps them.
/// </summary>
public static class ArchPackageFile
{
    public const string SignatureSuffix = ".sig";
    public const string XzSuffix = ".pkg.tar.xz";

    public static bool IsPackage(string basename) =>
        basename.EndsWith(PackageFileName.PacmanSuffix, StringComparison.Ordinal)
        || basename.EndsWith(XzSuffix, StringComparison.Ordinal);

    public static bool IsSignature(string basename) =>
        basename.EndsWith(SignatureSuffix, StringComparison.Ordinal) && IsPackage(basename[..^SignatureSuffix.Length]);

    /// <summary>Name, version (with epoch) and architecture of a package file; throws for a malformed name.</summary>
    public static PackageFileName Parse(string basename)
    {
        // Core parses the .zst form; the .xz form splits the same way once its suffix is swapped.
        var zst = basename.EndsWith(XzSuffix, StringComparison.Ordinal)
            ? basename[..^XzSuffix.Length] + PackageFileName.PacmanSuffix
            : basename;
        return PackageFileName.TryParse(zst)
            ?? throw new ArgumentException($"\"{basename}\" is not a pacman package file name", nameof(basename));
    }

    /// <summary>The Arch Linux Archive path of a package file: <c>&lt;first letter&gt;/&lt;name&gt;/&lt;file&gt;</c>.</summary>
    public static string ArchiveName(string packageName, string fileName) => $"{packageName[0]}/{packageName}/{fileName}";
}
