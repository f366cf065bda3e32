using ReproGet.Cli.Distros;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Distros.Alpine;
using ReproGet.Distros.Arch;
using ReproGet.Distros.Debian;
using ReproGet.Distros.Fedora;

namespace ReproGet.Cli;

/// <summary>The one place distro plugins are listed (no reflection: the binary is trimmed).</summary>
internal static class DistroCatalog
{
    public static IReadOnlyList<IDistro> All { get; } =
    [
        new NoneDistro(),
        new AlpineDistro(),
        new DebianDistro(),
        new UbuntuDistro(),
        new ArchDistro(),
        new FedoraDistro(),
    ];

    public static IEnumerable<string> Names => All.Select(d => d.Name).Order(StringComparer.Ordinal);

    /// <summary>The named plugin, or the one detected from the root's os-release (<c>ID</c>, then each <c>ID_LIKE</c>).</summary>
    public static IDistro Resolve(string? name, string root, IStatusLog log)
    {
        if (!string.IsNullOrEmpty(name))
        {
            return Find(name) ?? throw new ReproGetException(
                $"unknown distro \"{name}\" (known distros: {string.Join(", ", Names)})");
        }
        var release = OsRelease.Read(root);
        if (release.Id is null)
        {
            log.Warn($"cannot detect the distro: no ID in {Path.Combine(root, "etc/os-release")}; using \"none\"");
            return Find("none")!;
        }
        var detected = new[] { release.Id }.Concat(release.IdLike).Select(Find).FirstOrDefault(d => d is not null);
        if (detected is null)
        {
            log.Debug($"no plugin for distro \"{release.Id}\"; using \"none\"");
            return Find("none")!;
        }
        if (detected.IsExperimental)
        {
            log.Warn($"the distro plugin \"{detected.Name}\" is experimental");
        }
        return detected;
    }

    private static IDistro? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}
