using ReproGet.Core.Distros;
using ReproGet.Core.Errors;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// The OpenPGP keyring files a chain is checked against: the ones the user names, or the root's archive keyring
/// (<c>/usr/share/keyrings/debian-archive-keyring.gpg</c>) and every key in <c>/etc/apt/trusted.gpg.d</c>, as apt would.
/// Armored <c>.asc</c> files are accepted: <see cref="Formats.OpenPgp.GpgKeyrings"/> converts them for gpgv.
/// </summary>
public sealed record TrustedKeys(IReadOnlyList<string> Files)
{
    public const string ArchiveKeyring = "/usr/share/keyrings/debian-archive-keyring.gpg";

    public const string TrustedDirectory = "/etc/apt/trusted.gpg.d";

    /// <summary>The root's default keys; an empty list when the root has none (every signature then fails, naming why).</summary>
    public static TrustedKeys ForRoot(DistroContext context)
    {
        var files = new List<string>();
        var archive = context.RootPath(ArchiveKeyring);
        if (File.Exists(archive))
        {
            files.Add(archive);
        }
        var trusted = context.RootPath(TrustedDirectory);
        if (Directory.Exists(trusted))
        {
            files.AddRange(Directory.EnumerateFiles(trusted)
                .Where(f => f.EndsWith(".gpg", StringComparison.Ordinal) || f.EndsWith(".asc", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal));
        }
        return new TrustedKeys(files);
    }

    /// <summary>Keyrings named by the user (<c>--keyring</c>); each must exist.</summary>
    public static TrustedKeys FromFiles(IEnumerable<string> files)
    {
        var list = files.Select(Path.GetFullPath).ToList();
        foreach (var file in list.Where(f => !File.Exists(f)))
        {
            throw new ReproGetException($"keyring \"{file}\" does not exist", "pass an OpenPGP keyring file (binary .gpg or armored .asc)");
        }
        return new TrustedKeys(list);
    }

    public string Describe() => Files.Count == 0 ? "(no keyring)" : string.Join(", ", Files);
}
