using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Fedora.Repodata;

/// <summary>
/// Every package of every repository dnf cached under a root, keyed by name, epoch, version, release and arch.
/// Each cached <c>primary.xml</c> is first checked against the SHA-256 its <c>repomd.xml</c> gives, so the hashes
/// locked are the ones the repository's (signed) index vouches for.
/// </summary>
public sealed class RepositoryIndex
{
    private readonly Dictionary<string, RepoPackage> _byIdentity;
    private readonly ILookup<string, RepoPackage> _byName;

    private RepositoryIndex(IReadOnlyList<string> repositories, List<RepoPackage> packages)
    {
        Repositories = repositories;
        // The first repository listing an identity wins (the same build in two repositories is the same file).
        _byIdentity = packages.DistinctBy(Identity).ToDictionary(Identity, StringComparer.Ordinal);
        _byName = packages.ToLookup(p => p.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Repositories { get; }

    public static async Task<RepositoryIndex> LoadAsync(IReadOnlyList<CachedRepository> repositories, CancellationToken cancellationToken)
    {
        var packages = new List<RepoPackage>();
        foreach (var repository in repositories)
        {
            var repomd = RepomdFile.Read(repository.RepomdPath);
            var primary = Path.Combine(repository.RepodataDirectory, Path.GetFileName(repomd.PrimaryLocation));
            if (!File.Exists(primary))
            {
                throw new ReproGetException($"\"{primary}\" is missing: {repository.RepomdPath} names it",
                    $"refresh the metadata with `dnf makecache --repo {repository.Id}`");
            }
            var actual = await Sha256Hasher.HashFileAsync(primary, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(actual.Hex, repomd.PrimarySha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new ReproGetException(
                    $"\"{primary}\" has SHA-256 {actual.Hex}, but {repository.RepomdPath} says {repomd.PrimarySha256}",
                    $"the cached metadata is damaged; refresh it with `dnf makecache --repo {repository.Id}`");
            }
            packages.AddRange(PrimaryReader.Read(primary, repository.Id));
        }
        return new RepositoryIndex([.. repositories.Select(r => r.Id)], packages);
    }

    public RepoPackage? Find(string name, int epoch, string version, string release, string architecture) =>
        _byIdentity.GetValueOrDefault(Identity(name, epoch, version, release, architecture));

    public IEnumerable<RepoPackage> ByName(string name) => _byName[name];

    /// <summary>Every package of every repository.</summary>
    public IEnumerable<RepoPackage> All => _byIdentity.Values;

    private static string Identity(RepoPackage p) => Identity(p.Name, p.Epoch, p.Version, p.Release, p.Architecture);

    private static string Identity(string name, int epoch, string version, string release, string architecture) =>
        $"{name}\t{epoch}\t{version}\t{release}\t{architecture}";
}
