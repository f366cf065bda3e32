using ReproGet.Core.Distros;
using ReproGet.Distros.Fedora.Repodata;

namespace ReproGet.Distros.Fedora.Configuration;

/// <summary>
/// Default providers: each enabled repository's baseurls (first URLs of every repository before second ones),
/// then Koji by the Koji-layout lock name.
/// <para>
/// Koji keeps every build, but its <c>packages/N/V/R/arch/</c> files are the <b>unsigned</b> build outputs; the
/// mirrors serve signed copies, whose bytes and SHA-256 differ. The lock records the file the root installed (the
/// signed copy its repository's metadata lists), so Koji can serve an entry only when that entry was locked unsigned;
/// for a signed entry its bytes fail the hash check and the next provider is tried. Keep signed files durable by
/// exporting the cache (`cache export`) to a by-hash or OCI store of your own.
/// </para>
/// <para>
/// A lock name carries no repository path, so a repository URL gets the folder its cached metadata shows
/// (<see cref="PackageFolder"/>) and <c>{{.Basename}}</c>: flat and <c>Packages/</c> repositories are reached;
/// Fedora's <c>Packages/&lt;letter&gt;/</c> mirrors are left out, as the template vocabulary cannot express the letter.
/// </para>
/// </summary>
public static class FedoraProviders
{
    public const string Koji = "https://kojipkgs.fedoraproject.org/packages/{{.Name}}";

    public const string KojiNote = "Koji serves the unsigned build of each package; a lock made from signed repository "
        + "copies (Fedora's mirrors) has other hashes, so Koji only serves entries that were locked unsigned";

    public static IReadOnlyList<string> For(DistroContext context)
    {
        var cached = CachedRepository.Find(context.RootPath).DistinctBy(r => r.Id).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var repositories = new List<(YumRepository Repository, string Folder)>();
        foreach (var repository in YumReposReader.Read(context.RootPath, DnfVariables.Load(context.RootPath)))
        {
            if (PackageFolder.Of(cached.GetValueOrDefault(repository.Id)) is { } folder)
            {
                repositories.Add((repository, folder));
            }
            else
            {
                context.Log.Debug($"no provider for repository {repository.Id}: it keeps packages in a folder per first letter");
            }
        }
        var providers = new List<string>();
        for (var rank = 0; repositories.Any(r => rank < r.Repository.BaseUrls.Count); rank++)
        {
            providers.AddRange(repositories.Where(r => rank < r.Repository.BaseUrls.Count)
                .Select(r => $"{r.Repository.BaseUrls[rank]}/{r.Folder}{{{{.Basename}}}}"));
        }
        return [.. providers.Distinct(StringComparer.Ordinal), Koji];
    }
}
