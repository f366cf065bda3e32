using ReproGet.Distros.Debian.Dpkg;

namespace ReproGet.Distros.Debian.Locking;

/// <summary>
/// What one lock line must pin: an installed package at exactly its installed version, or (for a named package
/// that is not installed) the candidate among <paramref name="Architectures"/>.
/// </summary>
internal sealed record LockTarget(string Name, IReadOnlyList<string> Architectures, InstalledPackage? Installed)
{
    public static LockTarget ForInstalled(InstalledPackage package) => new(package.Name, [package.Architecture], package);

    public override string ToString() => Installed is { } installed ? $"{installed.Key}={installed.Version}" : Name;
}
