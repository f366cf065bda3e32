using System.Reflection;
using System.Text;
using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations;

/// <summary>
/// Writes an offline install bundle: <c>blobs/sha256/&lt;hex&gt;</c> (the cache layout, so the bundle also works as a
/// cache or a <c>file://</c> provider), the lockfiles, and <c>install.sh</c>, which verifies every blob with
/// <c>sha256sum</c> before it installs anything with the distro's own tool.
/// </summary>
public static class BundleWriter
{
    public const string ScriptName = "install.sh";

    public sealed record Result(int Files, long Bytes);

    /// <summary>
    /// The signature chain a bundle carries for install.sh to check with gpgv: the chain's entries, the package
    /// entries it proves (by their lock names) and the binary keyrings to trust.
    /// </summary>
    public sealed record Provenance(IReadOnlyList<LockEntry> Proofs, IReadOnlyList<LockEntry> Packages, IReadOnlyList<string> Keyrings);

    public static Result Write(ContentCache cache, IReadOnlyList<LockEntry> files, IReadOnlyList<string> lockfiles,
        IBundleInstaller installer, string directory, Provenance? provenance = null)
    {
        var blobsToCopy = provenance is null ? files : [.. files, .. provenance.Proofs];
        cache.RequireCached(blobsToCopy, "bundle");
        foreach (var file in files.Where(f => !IsShellSafe(f.Basename)))
        {
            throw new UnsafePathException($"cannot bundle \"{file.Name}\": its base name has characters a shell script would mangle");
        }
        var blobs = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        long bytes = 0;
        foreach (var file in blobsToCopy.DistinctBy(f => f.Sha256))
        {
            var target = Path.Combine(blobs, file.Sha256.Hex);
            File.Copy(cache.BlobPath(file.Sha256), target, overwrite: true);
            bytes += new FileInfo(target).Length;
        }
        foreach (var lockfile in lockfiles)
        {
            File.Copy(lockfile, Path.Combine(directory, Path.GetFileName(lockfile)), overwrite: true);
        }
        File.WriteAllText(Path.Combine(directory, "bundle.sha256"),
            Lines(blobsToCopy.DistinctBy(f => f.Sha256).Select(f => $"{f.Sha256.Hex}  blobs/sha256/{f.Sha256.Hex}")));
        if (provenance is { Proofs.Count: > 0 })
        {
            WriteProvenance(directory, provenance);
        }
        File.WriteAllText(Path.Combine(directory, "files.list"), Lines(files.Select(f => $"{f.Sha256.Hex} {f.Basename}")));
        var script = Path.Combine(directory, ScriptName);
        File.WriteAllText(script, RenderScript(installer, files.Count));
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        return new Result(files.Count, bytes);
    }

    // provenance.list: "release|index|package <sha256> <lock name>" lines; keyrings/N.gpg: the keys install.sh trusts.
    private static void WriteProvenance(string directory, Provenance provenance)
    {
        foreach (var entry in provenance.Proofs.Concat(provenance.Packages).Where(e => !IsShellSafe(e.Name.Replace('/', '_'))))
        {
            throw new UnsafePathException($"cannot bundle \"{entry.Name}\": its name has characters a shell script would mangle");
        }
        File.WriteAllText(Path.Combine(directory, "provenance.list"), Lines(
            provenance.Proofs.Select(p => $"{(p.Name.EndsWith("/InRelease", StringComparison.Ordinal) ? "release" : "index")} {p.Sha256.Hex} {p.Name}")
                .Concat(provenance.Packages.Select(p => $"package {p.Sha256.Hex} {p.Name}"))));
        var keyrings = Path.Combine(directory, "keyrings");
        Directory.CreateDirectory(keyrings);
        for (var i = 0; i < provenance.Keyrings.Count; i++)
        {
            File.Copy(provenance.Keyrings[i], Path.Combine(keyrings, $"{i}.gpg"), overwrite: true);
        }
    }

    internal static string RenderScript(IBundleInstaller installer, int count)
    {
        using var stream = typeof(BundleWriter).Assembly.GetManifestResourceStream("ReproGet.Core.Operations.install.sh")
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
