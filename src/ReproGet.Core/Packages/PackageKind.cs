namespace ReproGet.Core.Packages;

/// <summary>The package format a lockfile name denotes, decided by its suffix alone (as repro-get does).</summary>
public enum PackageKind
{
    Deb,
    Rpm,
    Apk,
    Pacman,
}
