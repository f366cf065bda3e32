using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Distros;

/// <summary>How a plugin regards a lockfile entry.</summary>
public enum EntryRole
{
    /// <summary>A package file the plugin installs.</summary>
    Package,

    /// <summary>A file that goes with a package (a detached signature): fetched, not installed on its own.</summary>
    Auxiliary,

    /// <summary>
    /// A file of the distro's signature chain (Debian's <c>dists/…/InRelease</c> and <c>Packages</c>): fetched, carried
    /// and verified like any entry, never installed.
    /// </summary>
    Proof,

    /// <summary>Nothing this plugin uses.</summary>
    NotNeeded,
}

/// <summary>
/// A distro plugin: its name, its default providers, how it treats lockfile entries, and its optional capabilities.
/// Each capability is an object the plugin exposes, or null when the plugin lacks it; a command that needs a null
/// capability fails with <see cref="Errors.NotSupportedByDistroException"/>. The plugin <c>none</c> has none of them.
/// </summary>
public interface IDistro
{
    string Name { get; }

    bool IsExperimental { get; }

    /// <summary>Provider templates to try, in order, when the user names none.</summary>
    IReadOnlyList<string> DefaultProviders(DistroContext context);

    /// <summary>How the plugin regards lockfile entries: its package format, signature suffix and chain names.</summary>
    EntryRules Entries { get; }

    /// <summary>The role of <paramref name="entry"/> by <see cref="Entries"/> (the one rule for every plugin).</summary>
    EntryRole Classify(LockEntry entry) => Entries.Classify(entry);

    /// <summary>Writes lock lines for <c>hash generate</c> and <c>hash update</c>; null when the plugin cannot lock.</summary>
    IPackageLocker? Locker { get; }

    /// <summary>Resolves a project file's packages with the distro's own solver for <c>lock</c>; null when the plugin cannot.</summary>
    IPackageResolver? Resolver => null;

    /// <summary>Installs package files for <c>install</c>; null when the plugin cannot install.</summary>
    IPackageInstaller? Installer { get; }

    /// <summary>What the <c>install.sh</c> of <c>bundle</c> runs; null when no plain script can install the plugin's packages.</summary>
    IBundleInstaller? Bundle { get; }

    /// <summary>Templates for <c>dockerfile generate</c>; null when the plugin ships none.</summary>
    IDockerfileRenderer? Dockerfiles { get; }

    /// <summary>Checks that the distro signed the locked files (<c>verify</c>, and <c>install</c> when the lock carries a chain); null when the plugin cannot.</summary>
    IProvenanceVerifier? Provenance => null;

    /// <summary>The sizes the distro's indexes state for locked files, each file's transfer bound; null when the plugin reads none.</summary>
    IExpectedSizes? Sizes => null;
}
