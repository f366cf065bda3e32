using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;

namespace ReproGet.Core.Distros;

/// <summary>
/// How a plugin regards lockfile entries, one rule for every plugin (each used to classify in its own way): a file of
/// the plugin's package format is a package (source rpms excepted), a file named like one of those plus the plugin's
/// signature suffix goes with it, a name the plugin's chain recognises is a proof, and the rest is not needed.
/// </summary>
public sealed class EntryRules(PackageKind? kind)
{
    /// <summary>No package format: every entry is <see cref="EntryRole.NotNeeded"/> (the plugin <c>none</c>).</summary>
    public static EntryRules None { get; } = new(null);

    /// <summary>The package format the plugin installs; null for none.</summary>
    public PackageKind? Kind { get; } = kind;

    /// <summary>The ending of a package's detached signature (Arch: <c>.sig</c>); null when the format embeds its signature.</summary>
    public string? SignatureSuffix { get; init; }

    /// <summary>Recognises the lock names of the distro's signature chain (Debian: <c>dists/…</c>); null when it has none.</summary>
    public Func<string, bool>? IsProof { get; init; }

    public EntryRole Classify(LockEntry entry) => Classify(entry.Name);

    /// <summary>The role of a lock name (by suffix alone: a malformed package name is still a package here).</summary>
    public EntryRole Classify(string name)
    {
        if (Kind is not { } kind)
        {
            return EntryRole.NotNeeded;
        }
        var basename = LockName.Basename(name);
        if (PackageFileName.KindOf(basename) == kind)
        {
            return PackageFileName.IsSourcePackage(basename) ? EntryRole.NotNeeded : EntryRole.Package;
        }
        if (SignatureSuffix is { } suffix && basename.EndsWith(suffix, StringComparison.Ordinal)
            && PackageFileName.KindOf(basename[..^suffix.Length]) == kind)
        {
            return EntryRole.Auxiliary;
        }
        return IsProof?.Invoke(name) == true ? EntryRole.Proof : EntryRole.NotNeeded;
    }

    /// <summary>The entries with one of <paramref name="roles"/>, in their order.</summary>
    public IReadOnlyList<LockEntry> Select(IEnumerable<LockEntry> entries, params EntryRole[] roles) =>
        [.. entries.Where(e => roles.Contains(Classify(e)))];
}
