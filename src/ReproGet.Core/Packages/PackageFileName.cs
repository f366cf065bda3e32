using ReproGet.Core.Errors;

namespace ReproGet.Core.Packages;

/// <summary>
/// Package identity parsed from a file's base name: <c>hello_2.10-2_amd64.deb</c>,
/// <c>bash-5.1-2.fc36.x86_64.rpm</c>, <c>bash-5.1.16-r2.apk</c>, <c>zlib-1:1.2.13-1-x86_64.pkg.tar.zst</c>.
/// </summary>
public sealed record PackageFileName(PackageKind Kind, string Package, string Version, string? Release, string? Architecture)
{
    /// <summary>
    /// The endings of pacman package files: zstd since 2020, xz from 2010 to 2019, and (rarely, in old archives)
    /// gzip or no compression. Locks of older Arch images name them, so all must parse alike.
    /// </summary>
    public static IReadOnlyList<string> PacmanSuffixes { get; } = [".pkg.tar.zst", ".pkg.tar.xz", ".pkg.tar.gz", ".pkg.tar"];

    /// <summary>The full version a package manager reports: RPM joins version and release, others carry it whole.</summary>
    public string FullVersion => Release is null ? Version : $"{Version}-{Release}";

    /// <summary>Parses by suffix; null for names that are not packages; throws for a malformed package name.</summary>
    public static PackageFileName? TryParse(string basename) => KindOf(basename) switch
    {
        PackageKind.Deb => ParseDeb(basename[..^4]),
        PackageKind.Rpm => ParseRpm(basename[..^4]),
        PackageKind.Apk => ParseApk(basename[..^4]),
        PackageKind.Pacman => ParsePacman(basename[..^PacmanSuffixOf(basename)!.Length], PacmanSuffixOf(basename)!),
        _ => null,
    };

    /// <summary>The package format <paramref name="basename"/> denotes, by its suffix alone (nothing is parsed); null for none.</summary>
    public static PackageKind? KindOf(string basename) =>
        basename.EndsWith(".deb", StringComparison.Ordinal) ? PackageKind.Deb
        : basename.EndsWith(".rpm", StringComparison.Ordinal) ? PackageKind.Rpm
        : basename.EndsWith(".apk", StringComparison.Ordinal) ? PackageKind.Apk
        : PacmanSuffixOf(basename) is not null ? PackageKind.Pacman
        : null;

    /// <summary>A source package (<c>.src.rpm</c>): locked beside binaries by some tools, never installed.</summary>
    public static bool IsSourcePackage(string basename) => basename.EndsWith(".src.rpm", StringComparison.Ordinal);

    /// <summary>Which of <see cref="PacmanSuffixes"/> <paramref name="basename"/> ends with; null for none.</summary>
    public static string? PacmanSuffixOf(string basename) =>
        PacmanSuffixes.FirstOrDefault(suffix => basename.EndsWith(suffix, StringComparison.Ordinal));

    private static PackageFileName ParseDeb(string stem)
    {
        var parts = stem.Split('_', 3);
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
        {
            throw Malformed(stem, ".deb", "<package>_<version>_<architecture>.deb");
        }
        return new PackageFileName(PackageKind.Deb, parts[0], parts[1], null, parts[2]);
    }

    private static PackageFileName ParseRpm(string stem)
    {
        var dot = stem.LastIndexOf('.');
        var arch = dot < 0 ? "" : stem[(dot + 1)..];
        var nvr = dot < 0 ? stem : stem[..dot];
        var releaseDash = nvr.LastIndexOf('-');
        var versionDash = releaseDash <= 0 ? -1 : nvr.LastIndexOf('-', releaseDash - 1);
        if (versionDash <= 0 || versionDash + 1 == releaseDash || releaseDash + 1 == nvr.Length)
        {
            throw Malformed(stem, ".rpm", "<name>-<version>-<release>.<arch>.rpm");
        }
        return new PackageFileName(PackageKind.Rpm, nvr[..versionDash], nvr[(versionDash + 1)..releaseDash],
            nvr[(releaseDash + 1)..], arch);
    }

    // Alpine versions always end in -r<N>, so split there rather than at the first digit-led word
    // (repro-get mis-split names such as font-adobe-100dpi-1.0-r0).
    private static PackageFileName ParseApk(string stem)
    {
        var releaseDash = stem.LastIndexOf("-r", StringComparison.Ordinal);
        var versionDash = releaseDash <= 0 ? -1 : stem.LastIndexOf('-', releaseDash - 1);
        if (versionDash <= 0 || versionDash + 1 == releaseDash || !stem[(releaseDash + 2)..].All(char.IsAsciiDigit)
            || releaseDash + 2 == stem.Length)
        {
            throw Malformed(stem, ".apk", "<name>-<version>-r<N>.apk");
        }
        return new PackageFileName(PackageKind.Apk, stem[..versionDash], stem[(versionDash + 1)..], null, null);
    }

    private static PackageFileName ParsePacman(string stem, string suffix)
    {
        var archDash = stem.LastIndexOf('-');
        var relDash = archDash <= 0 ? -1 : stem.LastIndexOf('-', archDash - 1);
        var verDash = relDash <= 0 ? -1 : stem.LastIndexOf('-', relDash - 1);
        if (verDash <= 0 || verDash + 1 == relDash || relDash + 1 == archDash || archDash + 1 == stem.Length)
        {
            throw Malformed(stem, suffix, $"<name>-<version>-<rel>-<arch>{suffix}");
        }
        return new PackageFileName(PackageKind.Pacman, stem[..verDash], stem[(verDash + 1)..archDash], null,
            stem[(archDash + 1)..]);
    }

    private static ReproGetException Malformed(string stem, string suffix, string expected) =>
        new($"unexpected package file name \"{stem}{suffix}\": want {expected}");
}
