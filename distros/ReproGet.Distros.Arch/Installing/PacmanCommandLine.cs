using ReproGet.Core.Distros;
using ReproGet.Distros.Arch.Configuration;

namespace ReproGet.Distros.Arch.Installing;

/// <summary>
/// The options that point pacman and pacman-key at a root. With <c>--root</c> alone pacman moves its database and
/// log into the root but still uses the host's keyring, cache, hooks and (unless told) pacman.conf, so each is
/// given explicitly: a root is verified with its own keyring, never the host's.
/// </summary>
internal sealed class PacmanCommandLine(DistroContext context, PacmanConfig config)
{
    public string KeyringPath => context.RootPath(config.KeyringPath);

    public string DatabasePath => context.RootPath(config.DatabasePath);

    public string CachePath => context.RootPath(config.CachePath);

    public bool IsOtherRoot => context.Root != "/";

    public IReadOnlyList<string> PacmanOptions()
    {
        if (!IsOtherRoot)
        {
            return [];
        }
        List<string> options =
        [
            "--root", context.Root, "--dbpath", DatabasePath, "--cachedir", CachePath, "--gpgdir", KeyringPath,
            "--hookdir", context.RootPath("/etc/pacman.d/hooks/"),
        ];
        var configFile = context.RootPath(PacmanConfig.ConfigFile);
        if (File.Exists(configFile))
        {
            options.AddRange(["--config", configFile]);
        }
        return options;
    }

    public IReadOnlyList<string> VerifyArguments(string signature, string file) =>
        ["--gpgdir", KeyringPath, "--verify", signature, file];
}
