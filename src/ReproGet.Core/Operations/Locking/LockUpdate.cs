using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;

namespace ReproGet.Core.Operations.Locking;

/// <summary>
/// <c>hash update</c>: rewrites a lockfile with freshly locked lines for the packages it names. Comments, blank lines
/// and non-package lines stay where they were; <c>/ipfs/</c> lines stay while their hash is still pinned. A package's
/// companion files (Arch's <c>&lt;file&gt;.sig</c>) are replaced along with it. The signature chain's lines
/// (<see cref="LockedFile.Proves"/>; old ones recognised by <c>isProof</c>) are replaced as a whole by the fresh chain, at
/// the place of the first old one (or before the first entry), so the chain stays in step with the packages.
/// </summary>
public static class LockUpdate
{
    public sealed record Change(string Package, string? OldVersion, string? NewVersion);

    public sealed record Result(string Text, IReadOnlyList<Change> Changes);

    /// <summary>The <c>name:arch</c> (or bare name) keys of the packages a lockfile pins, for the locker.</summary>
    public static IReadOnlyList<string> PackageKeys(IEnumerable<LockEntry> entries) =>
        [.. entries.Select(e => e.Package).OfType<PackageFileName>().Select(Key).Distinct().Order(StringComparer.Ordinal)];

    public static string Key(PackageFileName package) =>
        string.IsNullOrEmpty(package.Architecture) ? package.Package : $"{package.Package}:{package.Architecture}";

    public static Result Apply(IReadOnlyList<string> oldLines, IReadOnlyList<LockedFile> locked, Func<string, bool>? isProof = null)
    {
        isProof ??= _ => false;
        var proofs = locked.Where(f => f.Proves is not null).ToList();
        locked = [.. locked.Where(f => f.Proves is null)];
        var proofAt = -1;
        var fresh = new Dictionary<string, LockedFile>(StringComparer.Ordinal);
        foreach (var file in locked)
        {
            if (PackageOf(file.Name) is { } package)
            {
                fresh[Key(package)] = file;
            }
        }
        var companions = Companions(locked);
        var oldPackageNames = oldLines.Select(l => TryParse(l, out var p) && p.IpfsCid is null ? p.Name : null)
            .OfType<string>().Where(n => PackageOf(n) is not null).ToHashSet(StringComparer.Ordinal);
        var output = new List<string>();
        var changes = new List<Change>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var ipfsLines = new List<(string Line, string Sha)>();
        foreach (var line in oldLines)
        {
            if (!TryParse(line, out var parsed))
            {
                output.Add(line);
                continue;
            }
            if (parsed.IpfsCid is not null)
            {
                ipfsLines.Add((line, parsed.Sha256));
                output.Add(line);
                continue;
            }
            if (isProof(parsed.Name))
            {
                proofAt = proofAt < 0 ? output.Count : proofAt;
                continue;
            }
            if (proofAt < 0 && proofs.Count > 0)
            {
                proofAt = output.Count;
            }
            var package = PackageOf(parsed.Name);
            if (package is null)
            {
                // A package's companion (its detached .sig) is written again after the package's fresh line.
                if (OwnerOf(parsed.Name, oldPackageNames) is null)
                {
                    output.Add(line);
                }
                continue;
            }
            var key = Key(package);
            if (!fresh.TryGetValue(key, out var replacement))
            {
                changes.Add(new Change(key, package.FullVersion, null));
                continue;
            }
            used.Add(key);
            output.Add(Sha256SumsWriter.Line(replacement.Sha256, replacement.Name));
            output.AddRange(companions[replacement.Name].Select(c => Sha256SumsWriter.Line(c.Sha256, c.Name)));
            var newVersion = PackageOf(replacement.Name)!.FullVersion;
            if (replacement.Sha256.Hex != parsed.Sha256 || replacement.Name != parsed.Name)
            {
                changes.Add(new Change(key, package.FullVersion, newVersion));
            }
        }
        foreach (var (key, file) in fresh.Where(f => !used.Contains(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            output.Add(Sha256SumsWriter.Line(file.Sha256, file.Name));
            output.AddRange(companions[file.Name].Select(c => Sha256SumsWriter.Line(c.Sha256, c.Name)));
            changes.Add(new Change(key, null, PackageOf(file.Name)!.FullVersion));
        }
        output.InsertRange(proofAt < 0 ? output.Count : proofAt,
            proofs.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Sha256.Hex}  {p.Name}"));
        var pinned = output.Where(l => TryParse(l, out var p) && p.IpfsCid is null)
            .Select(l => { TryParse(l, out var p); return p.Sha256; }).ToHashSet(StringComparer.Ordinal);
        var dropped = ipfsLines.Where(i => !pinned.Contains(i.Sha)).Select(i => i.Line).ToHashSet(StringComparer.Ordinal);
        var text = Sha256SumsWriter.Lines(output.Where(l => !dropped.Contains(l)));
        return new Result(text, changes);
    }

    // Locked files that are not packages but named "<package file>.<suffix>" (Arch's .sig), by their package's name.
    private static ILookup<string, LockedFile> Companions(IReadOnlyList<LockedFile> locked)
    {
        var packages = locked.Select(f => f.Name).Where(n => PackageOf(n) is not null).ToHashSet(StringComparer.Ordinal);
        return locked.Select(f => (Owner: PackageOf(f.Name) is null ? OwnerOf(f.Name, packages) : null, File: f))
            .Where(c => c.Owner is not null).ToLookup(c => c.Owner!, c => c.File, StringComparer.Ordinal);
    }

    private static string? OwnerOf(string name, IReadOnlySet<string> packageNames)
    {
        for (var dot = name.LastIndexOf('.'); dot > 0; dot = name.LastIndexOf('.', dot - 1))
        {
            if (packageNames.Contains(name[..dot]))
            {
                return name[..dot];
            }
        }
        return null;
    }

    private static bool TryParse(string line, out Sha256SumsLine parsed)
    {
        try
        {
            return Sha256SumsLine.TryParse(line, out parsed);
        }
        catch (FormatException)
        {
            parsed = default;
            return false;
        }
    }

    private static PackageFileName? PackageOf(string name)
    {
        try
        {
            return PackageFileName.TryParse(LockName.Basename(name));
        }
        catch (Errors.ReproGetException)
        {
            return null;
        }
    }
}
