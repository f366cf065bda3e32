namespace ReproGet.Distros.Debian.Dpkg;

/// <summary>One package of dpkg's status database: <c>Package</c>, <c>Architecture</c>, <c>Version</c> and the state word of <c>Status</c>.</summary>
public sealed record InstalledPackage(string Name, string Architecture, string Version, string State)
{
    /// <summary><c>name:arch</c>, as dpkg names a package instance (Multi-Arch: same packages have one per architecture).</summary>
    public string Key => $"{Name}:{Architecture}";

    /// <summary>Its files are on disk (configured or only unpacked): what a lock of this system must reproduce.</summary>
    public bool HasFiles => State is "installed" or "triggers-pending" or "triggers-awaited" or "half-configured" or "unpacked";

    /// <summary>Unpacked and configured: nothing left for dpkg to do for it.</summary>
    public bool IsConfigured => State is "installed" or "triggers-pending" or "triggers-awaited";
}
