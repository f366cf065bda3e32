using System.Text;
using ReproGet.Core.Errors;
using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Database;

/// <summary>apk's record of what is installed (<c>/lib/apk/db/installed</c>), one stanza per package, by name.</summary>
public sealed class ApkInstalledDatabase
{
    private readonly Dictionary<string, ApkStanza> _byName;

    private ApkInstalledDatabase(string path, IReadOnlyList<ApkStanza> packages)
    {
        Path = path;
        Packages = packages;
        _byName = new Dictionary<string, ApkStanza>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            _byName.TryAdd(package.Name, package);
        }
    }

    public string Path { get; }

    public IReadOnlyList<ApkStanza> Packages { get; }

    /// <summary>The architecture most installed packages are built for (<c>noarch</c> aside), or null.</summary>
    public string? Architecture => Packages.Select(p => p.Architecture).Where(a => a is not (null or "noarch"))
        .GroupBy(a => a).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

    public ApkStanza? Find(string name) => _byName.GetValueOrDefault(name);

    public static async Task<ApkInstalledDatabase> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ReproGetException($"no apk database at \"{path}\": this is not an Alpine system",
                "run repro-get inside the Alpine image, or point --root at an unpacked Alpine root file system");
        }
        using var reader = new StreamReader(path, Encoding.UTF8);
        var packages = await ApkStanzaReader.ReadAllAsync(reader, path, cancellationToken).ConfigureAwait(false);
        return new ApkInstalledDatabase(path, packages);
    }
}
