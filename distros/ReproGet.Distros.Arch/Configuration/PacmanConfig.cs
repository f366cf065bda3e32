using ReproGet.Core.Distros;

namespace ReproGet.Distros.Arch.Configuration;

/// <summary>
/// What the plugin needs from <c>&lt;root&gt;/etc/pacman.conf</c>: the database, cache and keyring paths, the
/// architecture, and the repositories in their priority order with their servers. <c>Include</c> files (the
/// mirrorlist) are read inside the root, as pacman running in that root would read them. Paths are as written
/// (absolute inside the root); <see cref="DistroContext.RootPath"/> maps them onto the host.
/// </summary>
public sealed record PacmanConfig(
    string DatabasePath, string CachePath, string KeyringPath, string Architecture,
    IReadOnlyList<PacmanRepository> Repositories)
{
    public const string ConfigFile = "/etc/pacman.conf";
    public const string MirrorList = "/etc/pacman.d/mirrorlist";

    /// <summary>Arch Linux's own repositories, for a root with a mirrorlist but no pacman.conf.</summary>
    public static readonly IReadOnlyList<string> StandardRepositories = ["core", "extra", "multilib"];

    /// <summary>Reads the root's pacman.conf; a root without one gets pacman's defaults and the standard repositories.</summary>
    public static PacmanConfig Load(DistroContext context)
    {
        var path = context.RootPath(ConfigFile);
        var reader = new PacmanConfigReader(context);
        if (File.Exists(path))
        {
            reader.ReadFile(path);
        }
        else
        {
            foreach (var repository in StandardRepositories)
            {
                reader.AddRepository(repository, [MirrorList]);
            }
        }
        var architecture = reader.Architecture is null or "auto" ? MachineArchitecture() : reader.Architecture;
        return new PacmanConfig(
            reader.DatabasePath ?? "/var/lib/pacman/",
            reader.CachePath ?? "/var/cache/pacman/pkg/",
            reader.KeyringPath ?? "/etc/pacman.d/gnupg/",
            architecture,
            [.. reader.Repositories.Select(r => r.Expand(architecture))]);
    }

    // pacman's "auto" is uname's machine name.
    private static string MachineArchitecture() => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
        System.Runtime.InteropServices.Architecture.Arm => "armv7h",
        System.Runtime.InteropServices.Architecture.X86 => "i686",
        System.Runtime.InteropServices.Architecture.RiscV64 => "riscv64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
