using ReproGet.Core.Packages;

namespace ReproGet.Distros.Arch;

/// <summary>
/// Names of pacman package files (<c>zlib-1:1.2.13-1-x86_64.pkg.tar.zst</c>, <c>.pkg.tar.xz</c> from 2010 to 2019, and
/// rarely <c>.pkg.tar.gz</c> or <c>.pkg.tar</c>), their detached signatures (<c>….sig</c>), and where the Arch Linux
/// Archive keeps them.
/// </summary>
public static class ArchPackageFile
{
    public const string SignatureSuffix = ".sig";

    /// <summary>Name, version (with epoch) and architecture of a package file; throws for a malformed name.</summary>
    public static PackageFileName Parse(string basename) =>
        PackageFileName.TryParse(basename) is { Kind: PackageKind.Pacman } file
            ? file
            : throw new ArgumentException($"\"{basename}\" is not a pacman package file name", nameof(basename));

    /// <summary>The Arch Linux Archive path of a package file: <c>&lt;first letter&gt;/&lt;name&gt;/&lt;file&gt;</c>.</summary>
    public static string ArchiveName(string packageName, string fileName) => $"{packageName[0]}/{packageName}/{fileName}";
}
