using System.Text.RegularExpressions;
using ReproGet.Core.Distros;
using ReproGet.Core.Files;
using ReproGet.Formats.Compression;

namespace ReproGet.Distros.Debian.Apt;

/// <summary>
/// The package stanzas of apt's lists (<c>/var/lib/apt/lists/*_Packages</c>, plain or compressed as apt stores them),
/// read directly rather than through <c>apt-cache</c>. Only stanzas of the packages asked for are kept, so one
/// pass over a 50 MB index allocates almost nothing for the other 60 000 packages.
/// </summary>
public sealed partial class AptListsIndex
{
    public const string ListsDirectory = "/var/lib/apt/lists";

    private const long ReadAheadSize = 4 << 20;

    private readonly Dictionary<string, List<IndexedPackage>> _byName;

    private AptListsIndex(string directory, IReadOnlyList<string> listFiles, Dictionary<string, List<IndexedPackage>> byName,
        IReadOnlyDictionary<string, FileIdentity> readIdentities)
    {
        Directory = directory;
        ListFiles = listFiles;
        _byName = byName;
        ReadIdentities = readIdentities;
    }

    /// <summary>The lists directory under the root.</summary>
    public string Directory { get; }

    /// <summary>The Packages lists read, in apt's order (<see cref="ListFileOrder"/>), which is also the order of duplicates in <see cref="Find"/>.</summary>
    public IReadOnlyList<string> ListFiles { get; }

    /// <summary>
    /// The identity (<see cref="FileIdentity"/>) of each list file whose descriptor did not change while it was read:
    /// the stanzas found came from exactly that file, so what a cache recorded for that identity applies to them.
    /// </summary>
    public IReadOnlyDictionary<string, FileIdentity> ReadIdentities { get; }

    /// <summary>Reads the stanzas of the packages called <paramref name="names"/> from every list, the lists in parallel.</summary>
    public static AptListsIndex Load(DistroContext context, IReadOnlySet<string> names, CancellationToken cancellationToken)
    {
        var directory = context.RootPath(ListsDirectory);
        var lists = System.IO.Directory.Exists(directory)
            ? ListFileOrder.Sort(System.IO.Directory.EnumerateFiles(directory).Where(f => PackagesListName().IsMatch(Path.GetFileName(f))),
                AptSourcesReader.Read(context))
            : [];
        var priorities = lists.Count == 0 ? new Dictionary<string, int>() : ReleasePriority.ForLists(directory, lists);
        var lookup = names.ToDictionary(n => n, n => n, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var perList = new List<IndexedPackage>[lists.Count];
        var identities = new FileIdentity?[lists.Count];
        try
        {
            Parallel.For(0, lists.Count, new ParallelOptions { CancellationToken = cancellationToken },
                i => (perList[i], identities[i]) = ReadList(lists[i], priorities.GetValueOrDefault(lists[i], ReleasePriority.Default), lookup, context.Log));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Report the first damaged list as itself (it names the file), not as a wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        var byName = new Dictionary<string, List<IndexedPackage>>(StringComparer.Ordinal);
        foreach (var package in perList.SelectMany(p => p))
        {
            if (!byName.TryGetValue(package.Name, out var list))
            {
                byName[package.Name] = list = [];
            }
            list.Add(package);
        }
        var readIdentities = new Dictionary<string, FileIdentity>(StringComparer.Ordinal);
        for (var i = 0; i < lists.Count; i++)
        {
            if (identities[i] is { } identity)
            {
                readIdentities[lists[i]] = identity;
            }
        }
        return new AptListsIndex(directory, lists, byName, readIdentities);
    }

    /// <summary>The stanzas of <paramref name="name"/> for one of <paramref name="architectures"/>, in list order.</summary>
    public IReadOnlyList<IndexedPackage> Find(string name, IReadOnlyCollection<string> architectures) =>
        _byName.TryGetValue(name, out var all) ? [.. all.Where(p => architectures.Contains(p.Architecture))] : [];

    private static (List<IndexedPackage> Found, FileIdentity? Identity) ReadList(string path, int priority,
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> names, IStatusLog log)
    {
        var found = new List<IndexedPackage>();
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var decoded = Decompression.OpenFile(file);
        // A big list (bookworm main: 18 MB of lz4, 50 MB inflated) is inflated on a second core while it is scanned.
        using var stream = file.Length >= ReadAheadSize && Environment.ProcessorCount > 1 ? new ReadAheadStream(decoded, 1 << 20) : decoded;
        var before = FileIdentity.Of(file.SafeFileHandle);
        var unusable = PackagesListScanner.Scan(stream, names,
            (name, stanza) => found.Add(new IndexedPackage(name, stanza.Architecture, stanza.Version, stanza.Filename, stanza.Sha256, priority, path)));
        if (unusable > 0)
        {
            log.Debug($"{path}: {unusable} stanzas of wanted packages have no usable Version, Architecture, Filename or SHA256; skipped");
        }
        return (found, FileIdentity.Of(file.SafeFileHandle) == before ? before : null);
    }

    [GeneratedRegex(@"_Packages(\.(gz|xz|zst|lz4))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PackagesListName();
}
