using ReproGet.Core.Distros;

namespace ReproGet.Distros.Arch.Configuration;

/// <summary>
/// Default providers: the root's mirrors, then the Arch Linux Archive. A mirror lays files out per repository
/// (<c>$repo/os/$arch/&lt;file&gt;</c>) and a lock name carries no repository, so each mirror URL, with its repository
/// filled in, gets <c>{{.Basename}}</c>; a package asked of the wrong repository's URL is a 404 and the next is
/// tried. Only the archive keeps the by-package layout of lock names (<c>{{.Name}}</c> = <c>n/neofetch/…</c>), and
/// only it keeps old versions, so it comes last as the permanent fallback.
/// </summary>
public static class ArchProviders
{
    public const string Archive = "https://archive.archlinux.org/packages/{{.Name}}";

    public static IReadOnlyList<string> For(DistroContext context)
    {
        var repositories = PacmanConfig.Load(context).Repositories;
        var mirrors = new List<string>();
        // Each repository's first server, then each one's second…: a working first mirror answers everything
        // before a second mirror is ever asked.
        for (var rank = 0; repositories.Any(r => rank < r.Servers.Count); rank++)
        {
            mirrors.AddRange(repositories.Where(r => rank < r.Servers.Count).Select(r => r.Servers[rank] + "/{{.Basename}}"));
        }
        return [.. mirrors.Distinct(StringComparer.Ordinal), Archive];
    }
}
