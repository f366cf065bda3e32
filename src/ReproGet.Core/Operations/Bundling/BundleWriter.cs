using System.Text;
using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Files;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Quorum;

namespace ReproGet.Core.Operations.Bundling;

/// <summary>
/// Writes an offline install bundle: <c>blobs/sha256/&lt;hex&gt;</c> (the cache layout, so the bundle also works as a
/// cache or a <c>file://</c> provider), the lockfiles, and <c>install.sh</c>, which verifies every blob with
/// <c>sha256sum</c> before it installs anything with the distro's own tool. The rebuilder attestations a quorum check
/// used travel as blobs too, listed in <c>attestations.list</c> (<c>cache import</c> of the bundle records them again). Blobs leave the cache through
/// <see cref="ContentCache.OpenVerified"/>, and everything is staged in a <see cref="SafeOutputFolder"/>: nothing is
/// written through a link already in the folder, and a failure publishes nothing.
/// </summary>
public static class BundleWriter
{
    public const string ScriptName = "install.sh";
    public const string ChecksumsName = "bundle.sha256";
    public const string FilesListName = "files.list";
    public const string AttestationsListName = "attestations.list";
    public const string CarName = "blobs.car";

    /// <summary>Names the bundle writes itself (and <see cref="CarName"/>, written by the CAR step): no lockfile may take them.</summary>
    public static readonly IReadOnlySet<string> ReservedNames =
        new HashSet<string>([ScriptName, ChecksumsName, FilesListName, ProvenanceListName, AttestationsListName, "blobs", CarName, "keyrings"],
            StringComparer.Ordinal);

    public const string ProvenanceListName = "provenance.list";

    public sealed record Result(int Files, long Bytes);

    /// <summary>
    /// The signature chain a bundle carries for install.sh to check with gpgv: the chain's entries, the package
    /// entries it proves (by their lock names) and the binary keyrings to trust.
    /// </summary>
    public sealed record Provenance(IReadOnlyList<LockEntry> Proofs, IReadOnlyList<LockEntry> Packages, IReadOnlyList<string> Keyrings);

    /// <summary>
    /// Writes the bundle; <paramref name="alsoWrite"/> adds more files to the same staged folder before it is
    /// published (the CAR of <c>bundle --car</c>).
    /// </summary>
    public static async Task<Result> WriteAsync(ContentCache cache, IReadOnlyList<LockEntry> files, IReadOnlyList<string> lockfiles,
        IBundleInstaller installer, string directory, Provenance? provenance, IReadOnlyList<RebuilderAttestation> attestations,
        Func<SafeOutputFolder, Task>? alsoWrite, CancellationToken cancellationToken)
    {
        Check(files, lockfiles, attestations);
        IReadOnlyList<LockEntry> blobsToCopy =
        [
            .. files, .. provenance?.Proofs ?? [],
            .. attestations.Select(a => new LockEntry(AttestationsListName, a.Attestation)),
        ];
        cache.RequireCached(blobsToCopy, "bundle");
        using var output = SafeOutputFolder.Begin(directory);
        long bytes = 0;
        foreach (var file in blobsToCopy.DistinctBy(f => f.Sha256))
        {
            await using var target = output.Create($"blobs/sha256/{file.Sha256.Hex}");
            await using var blob = cache.OpenVerified(file.Sha256);
            await blob.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            bytes += blob.Position;
        }
        foreach (var lockfile in lockfiles)
        {
            await using var target = output.Create(Path.GetFileName(lockfile));
            await using var source = LockfileText.OpenRegular(lockfile);
            await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
        }
        WriteText(output, ChecksumsName, Lines(blobsToCopy.DistinctBy(f => f.Sha256).Select(f => $"{f.Sha256.Hex}  blobs/sha256/{f.Sha256.Hex}")));
        if (provenance is { Proofs.Count: > 0 })
        {
            await WriteProvenanceAsync(output, provenance, cancellationToken).ConfigureAwait(false);
        }
        WriteText(output, FilesListName, Lines(files.Select(f => $"{f.Sha256.Hex} {f.Basename}")));
        if (attestations.Count > 0)
        {
            // "<attestation sha256> <package sha256> <rebuilder URL>": what the cache records, keyed by rebuilder and package.
            WriteText(output, AttestationsListName, Lines(attestations.Select(a => $"{a.Attestation.Hex} {a.Package.Hex} {a.BaseUrl}")));
        }
        WriteText(output, ScriptName, RenderScript(installer, files.Count), (UnixFileMode)0b111_101_101);
        if (alsoWrite is not null)
        {
            await alsoWrite(output).ConfigureAwait(false);
        }
        output.Commit(replace: true);
        return new Result(files.Count, bytes);
    }

    /// <summary>Everything that would make a broken bundle, refused before a byte is written.</summary>
    private static void Check(IReadOnlyList<LockEntry> files, IReadOnlyList<string> lockfiles, IReadOnlyList<RebuilderAttestation> attestations)
    {
        foreach (var attestation in attestations.Where(a => a.BaseUrl.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            throw new UnsafePathException($"cannot bundle the attestations of the rebuilder {NameEscaping.Quote(attestation.BaseUrl)}: its URL has spaces or control characters");
        }
        foreach (var file in files.Where(f => !IsShellSafe(f.Basename)))
        {
            throw new UnsafePathException($"cannot bundle {NameEscaping.Quote(file.Name)}: its base name has characters a shell script would mangle");
        }
        foreach (var clash in files.GroupBy(f => f.Basename, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            // install.sh links every file by base name into one folder for the package tool.
            throw new UnsafePathException($"cannot bundle {string.Join(" and ", clash.Select(f => NameEscaping.Quote(f.Name)))}: "
                + $"they share the base name {NameEscaping.Quote(clash.Key)}, and the package tool gets files by base name; lock only one of them");
        }
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var lockfile in lockfiles)
        {
            var name = Path.GetFileName(lockfile);
            if (ReservedNames.Contains(name))
            {
                throw new UnsafePathException($"cannot bundle the lockfile {NameEscaping.Quote(lockfile)}: the bundle's own {NameEscaping.Quote(name)} has that name; rename the lockfile");
            }
            if (LockName.Explain(name) is { } problem)
            {
                throw new UnsafePathException($"cannot bundle the lockfile {NameEscaping.Quote(lockfile)}: {problem}");
            }
            if (seen.TryGetValue(name, out var earlier))
            {
                throw new UnsafePathException($"cannot bundle the lockfiles {NameEscaping.Quote(earlier)} and {NameEscaping.Quote(lockfile)}: one base name; rename one");
            }
            seen[name] = lockfile;
        }
    }

    // provenance.list: "release|index|package <sha256> <lock name>" lines; keyrings/N.gpg: the keys install.sh trusts.
    private static async Task WriteProvenanceAsync(SafeOutputFolder output, Provenance provenance, CancellationToken cancellationToken)
    {
        foreach (var entry in provenance.Proofs.Concat(provenance.Packages).Where(e => !IsShellSafe(e.Name.Replace('/', '_'))))
        {
            throw new UnsafePathException($"cannot bundle {NameEscaping.Quote(entry.Name)}: its name has characters a shell script would mangle");
        }
        WriteText(output, ProvenanceListName, Lines(
            provenance.Proofs.Select(p => $"{(p.Name.EndsWith("/InRelease", StringComparison.Ordinal) ? "release" : "index")} {p.Sha256.Hex} {p.Name}")
                .Concat(provenance.Packages.Select(p => $"package {p.Sha256.Hex} {p.Name}"))));
        for (var i = 0; i < provenance.Keyrings.Count; i++)
        {
            await using var target = output.Create($"keyrings/{i}.gpg");
            await using var source = File.OpenRead(provenance.Keyrings[i]);
            await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteText(SafeOutputFolder output, string name, string text, UnixFileMode mode = (UnixFileMode)0b110_100_100)
    {
        using var stream = output.Create(name, mode);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    internal static string RenderScript(IBundleInstaller installer, int count)
    {
        using var stream = typeof(BundleWriter).Assembly.GetManifestResourceStream("ReproGet.Core.Operations.Bundling.install.sh")
            ?? throw new InvalidOperationException("install.sh template missing from the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd()
            .Replace("@TOOL@", installer.BundleTool, StringComparison.Ordinal)
            .Replace("@COUNT@", count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@INSTALL@", installer.BundleInstallCommand, StringComparison.Ordinal);
    }

    private static string Lines(IEnumerable<string> lines) => string.Concat(lines.Select(l => l + "\n"));

    private static bool IsShellSafe(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '~' or ':' or '%' or '@' or ',' or '=');
}
