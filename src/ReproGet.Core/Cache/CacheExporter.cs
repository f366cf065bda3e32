namespace ReproGet.Core.Cache;

/// <summary>
/// Copies blobs out under their original base names (from the metadata; <c>UNKNOWN-&lt;sha&gt;</c> when unknown
/// or unsafe). An existing file is never overwritten.
/// </summary>
public sealed class CacheExporter(ContentCache cache)
{
    public sealed record Exported(CachedBlob Blob, string Basename);

    public sealed record Result(IReadOnlyList<Exported> Exported, IReadOnlyList<string> Skipped);

    public Result Export(string directory)
    {
        var target = Path.GetFullPath(directory);
        Directory.CreateDirectory(target);
        var exported = new List<Exported>();
        var skipped = new List<string>();
        foreach (var blob in cache.List())
        {
            var basename = IsBareName(blob.Basename) ? blob.Basename! : $"UNKNOWN-{blob.Sha256.Hex}";
            var destination = Path.Combine(target, basename);
            if (File.Exists(destination) || Directory.Exists(destination))
            {
                skipped.Add($"not overwriting existing \"{destination}\" (sha256 {blob.Sha256.Hex})");
                continue;
            }
            File.Copy(cache.BlobPath(blob.Sha256), destination, overwrite: false);
            exported.Add(new Exported(blob, basename));
        }
        return new Result(exported, skipped);
    }

    // Metadata is only a hint: a base name that could point outside the directory, or would break the
    // "<sha256>  <name>" output lines (a newline), is not used.
    private static bool IsBareName(string? name) =>
        !string.IsNullOrEmpty(name) && name is not ("." or "..") && !name.Contains('/') && !name.Any(char.IsControl);
}
