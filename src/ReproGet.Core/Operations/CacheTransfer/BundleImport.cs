using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Bundling;
using ReproGet.Core.Operations.Quorum;

namespace ReproGet.Core.Operations.CacheTransfer;

/// <summary>
/// A directory <c>bundle</c> wrote, imported as the cache it carries: every <c>blobs/sha256/&lt;hex&gt;</c> must hash to
/// its name (packages take their names from <c>files.list</c>), and the rebuilder attestations of
/// <c>attestations.list</c> are recorded again, so <c>verify --offline</c> re-checks the quorum from this cache.
/// A record only points at bytes: the check still verifies each link against the pinned key and the locked sha256.
/// </summary>
public static class BundleImport
{
    /// <summary>True for a directory with a bundle's checksums beside its <c>blobs/sha256</c>.</summary>
    public static bool IsBundle(string path) =>
        File.Exists(Path.Combine(path, BundleWriter.ChecksumsName)) && Directory.Exists(BlobDirectory(path));

    public static async Task<(CacheImporter.Result Files, int Attestations)> ImportAsync(ContentCache cache, string bundle,
        CancellationToken cancellationToken)
    {
        var names = ReadPairs(Path.Combine(bundle, BundleWriter.FilesListName))
            .GroupBy(p => p.Digest).ToDictionary(g => g.Key, g => g.First().Text);
        var importer = new CacheImporter(cache);
        var imported = new List<CacheImporter.Imported>();
        var errors = new List<string>();
        foreach (var file in Directory.EnumerateFiles(BlobDirectory(bundle)).Order(StringComparer.Ordinal))
        {
            if (!Sha256Digest.TryParse(Path.GetFileName(file), out var digest))
            {
                errors.Add($"cannot import {NameEscaping.Quote(file)}: a bundle's blob is named by its sha256");
                continue;
            }
            try
            {
                var basename = names.GetValueOrDefault(digest.Value);
                await importer.ImportFileAsync(file, basename, cancellationToken, digest.Value).ConfigureAwait(false);
                imported.Add(new CacheImporter.Imported(digest.Value, basename ?? $"blobs/sha256/{digest.Value.Hex}", file));
            }
            catch (Exception e) when (e is ReproGetException or IOException or UnauthorizedAccessException)
            {
                errors.Add($"cannot import {NameEscaping.Quote(file)}: {e.Message}");
            }
        }
        var attestations = 0;
        foreach (var (attestation, text) in ReadPairs(Path.Combine(bundle, BundleWriter.AttestationsListName)))
        {
            var parts = text.Split(' ', 2);
            if (parts.Length == 2 && Sha256Digest.TryParse(parts[0], out var package) && cache.Contains(attestation))
            {
                cache.RecordOrigin(QuorumCheck.RecordKey(parts[1], package.Value), attestation);
                attestations++;
            }
        }
        return (new CacheImporter.Result(imported, errors), attestations);
    }

    private static string BlobDirectory(string bundle) => Path.Combine(bundle, "blobs", "sha256");

    // "<sha256> <rest>" lines; a list that is missing is empty, a line that does not parse is skipped.
    private static IEnumerable<(Sha256Digest Digest, string Text)> ReadPairs(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }
        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && Sha256Digest.TryParse(line[..space], out var digest))
            {
                yield return (digest.Value, line[(space + 1)..]);
            }
        }
    }
}
