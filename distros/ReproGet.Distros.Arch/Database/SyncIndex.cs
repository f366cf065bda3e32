using ReproGet.Distros.Arch.Configuration;

namespace ReproGet.Distros.Arch.Database;

/// <summary>
/// Every sync database of a root, searched in pacman.conf's repository order (the order pacman itself prefers);
/// databases pacman.conf no longer names come after, by name.
/// </summary>
public sealed class SyncIndex
{
    private readonly Dictionary<(string Name, string Version), List<SyncPackage>> _byVersion = [];
    private readonly Dictionary<string, SyncPackage> _candidates = new(StringComparer.Ordinal);

    private SyncIndex(IReadOnlyList<string> databases) => Databases = databases;

    /// <summary>The database files read, in search order.</summary>
    public IReadOnlyList<string> Databases { get; }

    public static SyncIndex Load(string syncDirectory, IEnumerable<string> repositoryOrder)
    {
        var files = Directory.Exists(syncDirectory)
            ? Directory.EnumerateFiles(syncDirectory, "*" + SyncDatabase.Suffix).Order(StringComparer.Ordinal).ToList()
            : [];
        var order = repositoryOrder.ToList();
        var ordered = files.OrderBy(f => Rank(order, RepositoryOf(f))).ToList();
        var index = new SyncIndex(ordered);
        foreach (var file in ordered)
        {
            foreach (var package in SyncDatabase.Read(file, RepositoryOf(file)))
            {
                index.Add(package);
            }
        }
        return index;
    }

    public static SyncIndex Load(string syncDirectory, PacmanConfig config) =>
        Load(syncDirectory, config.Repositories.Select(r => r.Name));

    /// <summary>The file of exactly this installed version, from the first repository that has it.</summary>
    public SyncPackage? Find(InstalledPackage installed) =>
        _byVersion.TryGetValue((installed.Name, installed.Version), out var found)
            ? found.FirstOrDefault(p => p.Architecture is null || p.Architecture == installed.Architecture)
            : null;

    /// <summary>Every package of every database.</summary>
    public IEnumerable<SyncPackage> All => _byVersion.Values.SelectMany(p => p);

    /// <summary>What <c>pacman -S NAME</c> would pick: the package of that name in the first repository that has one.</summary>
    public SyncPackage? Candidate(string name) => _candidates.GetValueOrDefault(name);

    private void Add(SyncPackage package)
    {
        var key = (package.Name, package.Version);
        if (!_byVersion.TryGetValue(key, out var list))
        {
            _byVersion[key] = list = [];
        }
        list.Add(package);
        _candidates.TryAdd(package.Name, package);
    }

    private static string RepositoryOf(string file) => Path.GetFileName(file)[..^SyncDatabase.Suffix.Length];

    private static int Rank(List<string> order, string repository)
    {
        var rank = order.IndexOf(repository);
        return rank < 0 ? order.Count : rank;
    }
}
