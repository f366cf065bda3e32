using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Distros;

/// <summary>How a plugin regards a lockfile entry.</summary>
public enum EntryRole
{
    /// <summary>A package file the plugin installs.</summary>
    Package,

    /// <summary>A file that goes with a package (a detached signature): fetched, not installed on its own.</summary>
    Auxiliary,

    /// <summary>Nothing this plugin uses.</summary>
    NotNeeded,
}

/// <summary>
/// A distro plugin: its name, its default providers, and how it treats lockfile entries. What it can do beyond
/// that is expressed by the optional capabilities <see cref="IPackageLocker"/> and <see cref="IPackageInstaller"/>.
/// </summary>
public interface IDistro
{
    string Name { get; }

    bool IsExperimental { get; }

    /// <summary>Provider templates to try, in order, when the user names none.</summary>
    IReadOnlyList<string> DefaultProviders(DistroContext context);

    EntryRole Classify(LockEntry entry);
}
