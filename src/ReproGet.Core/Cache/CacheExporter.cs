using ReproGet.Core.Errors;
using ReproGet.Core.Files;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Cache;

/// <summary>
/// Copies blobs out under their original base names (from the metadata; <c>UNKNOWN-&lt;sha&gt;</c> when unknown
/// or unsafe). An existing file (or link) is never overwritten or written through; every blob is re-hashed on its
/// way out, and a corrupt one is removed from the cache and reported instead of exported.
/// </summary>
public sealed class CacheExporter(ContentCache cache)
{
    public sealed record Exported(CachedBlob Blob, string Basename);

    public sealed record Result(IReadOnlyList<Exported> Exported, IReadOnlyList<string> Skipped, IReadOnlyList<string> Corrupt);

    public async Task<Result> ExportAsync(string directory, CancellationToken cancellationToken)
    {
        using var output = SafeOutputFolder.Begin(directory);
        var staged = new List<Exported>();
        var skipped = new List<string>();
        var corrupt = new List<string>();
        foreach (var blob in cache.List())
        {
            var basename = IsBareName(blob.Basename) ? blob.Basename! : $"UNKNOWN-{blob.Sha256.Hex}";
            var destination = Path.Combine(output.Target, basename);
            if (PosixFile.TypeOfPath(destination) != 0 || staged.Any(s => s.Basename == basename))
            {
                skipped.Add(NotOverwriting(destination, blob));
                continue;
            }
            try
            {
                await using var target = output.Create(basename);
                await using var source = cache.OpenVerified(blob.Sha256);
                await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                staged.Add(new Exported(blob, basename));
            }
            catch (CorruptBlobException e)
            {
                corrupt.Add(e.Message);
                output.Discard(basename);
            }
        }
        var kept = output.Commit(replace: false).ToHashSet(StringComparer.Ordinal);
        skipped.AddRange(staged.Where(e => kept.Contains(e.Basename)).Select(e => NotOverwriting(Path.Combine(output.Target, e.Basename), e.Blob)));
        return new Result([.. staged.Where(e => !kept.Contains(e.Basename))], skipped, corrupt);
    }

    private static string NotOverwriting(string destination, CachedBlob blob) =>
        $"not overwriting existing {NameEscaping.Quote(destination)} (sha256 {blob.Sha256.Hex})";

    // Metadata is only a hint: a base name that could point outside the directory, or would break the
    // "<sha256>  <name>" output lines (a newline), is not used.
    private static bool IsBareName(string? name) =>
        !string.IsNullOrEmpty(name) && name is not ("." or "..") && !name.Contains('/') && !name.StartsWith('.')
        && !NameEscaping.NeedsEscaping(name);
}
