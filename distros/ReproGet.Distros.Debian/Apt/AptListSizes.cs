using System.Globalization;
using ReproGet.Core.Distros;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Formats.Compression;

namespace ReproGet.Distros.Debian.Apt;

/// <summary>
/// The <c>Size:</c> apt's lists (<c>/var/lib/apt/lists/*_Packages</c>) state for locked <c>.deb</c>s, matched by the
/// stanza's <c>SHA256:</c>: each file's transfer bound. Only those two fields of each stanza are looked at.
/// </summary>
internal sealed class AptListSizes : IExpectedSizes
{
    public Task<IReadOnlyDictionary<Sha256Digest, long>> FindAsync(DistroContext context, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Sha256Digest, long>>(Find(context, entries, cancellationToken));

    private static Dictionary<Sha256Digest, long> Find(DistroContext context, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken)
    {
        var wanted = entries.Select(e => e.Sha256.Hex).ToHashSet(StringComparer.Ordinal);
        var sizes = new Dictionary<Sha256Digest, long>();
        var directory = context.RootPath(AptListsIndex.ListsDirectory);
        if (wanted.Count == 0 || !Directory.Exists(directory))
        {
            return sizes;
        }
        foreach (var list in Directory.EnumerateFiles(directory, "*_Packages*").Where(IsPackagesList))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var reader = new StreamReader(Decompression.OpenFile(list));
            Read(reader, wanted, sizes);
            if (sizes.Count == wanted.Count)
            {
                break;
            }
        }
        return sizes;
    }

    private static bool IsPackagesList(string path) =>
        Path.GetFileName(path).Split("_Packages")[^1] is "" or ".gz" or ".xz" or ".zst" or ".lz4";

    private static void Read(StreamReader reader, HashSet<string> wanted, Dictionary<Sha256Digest, long> sizes)
    {
        string? sha256 = null;
        long? size = null;
        while (true)
        {
            var line = reader.ReadLine();
            if (line is null || line.Length == 0)
            {
                if (sha256 is not null && size is { } known && wanted.Contains(sha256))
                {
                    sizes[Sha256Digest.Parse(sha256)] = known;
                }
                if (line is null)
                {
                    return;
                }
                (sha256, size) = (null, null);
            }
            else if (line.StartsWith("SHA256:", StringComparison.Ordinal))
            {
                sha256 = line["SHA256:".Length..].Trim();
            }
            else if (line.StartsWith("Size:", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan("Size:".Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                size = parsed;
            }
        }
    }
}
