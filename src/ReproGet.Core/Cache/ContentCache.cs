using System.Text;
using System.Text.Json;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Cache;

/// <summary>
/// The content-addressed cache, laid out as Go repro-get lays it out so either tool can use the other's:
/// <c>blobs/sha256/&lt;hex&gt;</c> holds verified bytes, <c>metadata/sha256/&lt;hex&gt;</c> the original base name
/// as <c>{"Basename":"…"}</c>, and <c>digests/by-url-sha256/&lt;sha256 of URL&gt;</c> a <c>sha256:&lt;hex&gt;</c> per origin URL.
/// <c>digests/&lt;kind&gt;/&lt;sha256 of key&gt;</c> holds the small records of <see cref="WriteRecord"/> (repro-get's own; the Go tool ignores them).
/// </summary>
public sealed class ContentCache : IDisposable
{
    public const string DefaultRoot = "/var/cache/repro-get";
    public const string EnvironmentVariable = "REPRO_GET_CACHE";
    private const string TempSuffix = ".tmp";
    private const string DownloadPrefix = ".download-";

    private readonly CacheLock _lock;

    private ContentCache(string root, CacheLock cacheLock)
    {
        Root = root;
        _lock = cacheLock;
    }

    public string Root { get; }

    public string BlobDirectory => Path.Combine(Root, "blobs", "sha256");

    private string MetadataDirectory => Path.Combine(Root, "metadata", "sha256");

    private string OriginDirectory => Path.Combine(Root, "digests", "by-url-sha256");

    /// <summary>Opens (creating) the cache at <paramref name="root"/> and takes its shared lock.</summary>
    public static ContentCache Open(string root)
    {
        if (string.IsNullOrEmpty(root))
        {
            throw new ReproGetException("the cache directory is empty", $"pass --cache DIR or set {EnvironmentVariable}");
        }
        var full = Path.GetFullPath(root);
        try
        {
            foreach (var dir in new[] { "blobs/sha256", "metadata/sha256", "digests/by-url-sha256" })
            {
                Directory.CreateDirectory(Path.Combine(full, dir));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReproGetException($"cannot create the cache \"{full}\": {e.Message}",
                $"pass a writable directory with --cache or {EnvironmentVariable}", e);
        }
        return new ContentCache(full, CacheLock.Acquire(full, exclusive: false));
    }

    public string BlobPath(Sha256Digest digest) => Path.Combine(BlobDirectory, digest.Hex);

    public bool Contains(Sha256Digest digest) => File.Exists(BlobPath(digest));

    /// <summary>Throws, listing every entry whose blob is not cached, before any work on them starts.</summary>
    public void RequireCached(IReadOnlyList<LockEntry> entries, string purpose)
    {
        var missing = entries.Where(e => !Contains(e.Sha256)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var list = new StringBuilder($"{missing.Count} of {entries.Count} files to {purpose} are not in the cache {Root}:");
        foreach (var entry in missing)
        {
            list.Append("\n  ").Append(entry.Name).Append(" (sha256 ").Append(entry.Sha256.Hex).Append(')');
        }
        throw new ReproGetException(list.ToString(), "fetch them first: repro-get download LOCKFILE… (with the same --cache)");
    }

    /// <summary>
    /// Opens a blob for bytes that leave the cache (to a package manager, a bundle, an export, a registry, IPFS):
    /// the ONE way out. The stream is hashed as it is read and refuses, at its end, bytes that are not the blob's.
    /// </summary>
    public VerifiedBlobStream OpenVerified(Sha256Digest digest) => VerifiedBlobStream.Open(this, digest);

    /// <summary>Removes a blob found corrupt (whatever it is: a link, a FIFO, a directory) and returns the error to throw.</summary>
    internal CorruptBlobException RemoveCorrupt(Sha256Digest digest, string problem)
    {
        var path = BlobPath(digest);
        try
        {
            if (Files.PosixFile.TypeOfPath(path) == Files.PosixFile.DirectoryType)
            {
                Directory.Delete(path, recursive: true);
            }
            Remove(digest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem += $" (and could not be removed: {e.Message})";
        }
        return new CorruptBlobException(digest, path, problem);
    }

    public PendingBlob BeginWrite(string purpose = "download") =>
        new(this, Path.Combine(BlobDirectory, $".{purpose}-{Guid.NewGuid():N}{TempSuffix}"));

    /// <summary>
    /// The temp file of a download of <paramref name="digest"/>: an orphan a killed run left (no process holds its
    /// lock any more), resumed with its bytes hashed again, or else a new one. A temp file is locked (flock) for as
    /// long as its transfer lives, so a live transfer of another process is never taken over.
    /// </summary>
    public PendingBlob BeginDownload(Sha256Digest digest)
    {
        foreach (var orphan in Directory.EnumerateFiles(BlobDirectory, $"{DownloadPrefix}{digest.Hex}-*{TempSuffix}"))
        {
            if (PendingBlob.TryAdopt(this, orphan) is { } adopted)
            {
                return adopted;
            }
        }
        return new(this, Path.Combine(BlobDirectory, $"{DownloadPrefix}{digest.Hex}-{Guid.NewGuid():N}{TempSuffix}"));
    }

    /// <summary>
    /// Removes the download temp files no process holds (left by a killed run) that are older than
    /// <paramref name="minimumAge"/>; a live transfer's file is locked and stays. Returns what was removed.
    /// </summary>
    public IReadOnlyList<string> RemoveOrphanDownloads(TimeSpan minimumAge)
    {
        var removed = new List<string>();
        foreach (var file in new DirectoryInfo(BlobDirectory).EnumerateFiles($"{DownloadPrefix}*{TempSuffix}"))
        {
            if (DateTime.UtcNow - file.LastWriteTimeUtc < minimumAge)
            {
                continue;
            }
            try
            {
                // Locked by its transfer while that lives; opening it with FileShare.None fails then.
                using var orphan = File.OpenHandle(file.FullName, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                file.Delete();
                removed.Add(file.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Live, or gone already.
            }
        }
        return removed;
    }

    public string? ReadBasename(Sha256Digest digest)
    {
        var path = Path.Combine(MetadataDirectory, digest.Hex);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            return json.RootElement.TryGetProperty("Basename", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal void WriteBasename(Sha256Digest digest, string basename)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Basename", basename);
            writer.WriteEndObject();
        }
        WriteAtomically(Path.Combine(MetadataDirectory, digest.Hex), buffer.ToArray());
    }

    /// <summary>Remembers which digest an (immutable) origin URL served, so it need not be fetched again.</summary>
    public void RecordOrigin(string url, Sha256Digest digest) =>
        WriteAtomically(OriginPath(url), Encoding.ASCII.GetBytes(digest.Prefixed));

    /// <summary>
    /// Keeps <paramref name="value"/> against <paramref name="key"/>, a line that names everything the value depends on
    /// (a file's identity, the hashes of the bytes a check read). The key is stored with it and compared in full by
    /// <see cref="FindRecord"/>, so a record is only ever found for exactly the key it was written for.
    /// </summary>
    public void WriteRecord(string kind, string key, string value)
    {
        var path = RecordPath(kind, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteAtomically(path, Encoding.UTF8.GetBytes(key + "\n" + value));
    }

    /// <summary>The value written for exactly <paramref name="key"/>, or null (none, unreadable, or written for another key).</summary>
    public string? FindRecord(string kind, string key)
    {
        string text;
        try
        {
            text = File.ReadAllText(RecordPath(kind, key), Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline >= 0 && string.Equals(text[..newline], key, StringComparison.Ordinal) ? text[(newline + 1)..] : null;
    }

    public Sha256Digest? FindByOrigin(string url)
    {
        var path = OriginPath(url);
        if (!File.Exists(path))
        {
            return null;
        }
        var text = File.ReadAllText(path);
        return Sha256Digest.TryParsePrefixed(text, out var digest) ? digest : null;
    }

    /// <summary>Every committed blob (temp files and foreign names are skipped), sorted by digest.</summary>
    public IEnumerable<CachedBlob> List()
    {
        var blobs = new List<CachedBlob>();
        foreach (var file in new DirectoryInfo(BlobDirectory).EnumerateFiles())
        {
            if (Sha256Digest.TryParse(file.Name, out var digest))
            {
                blobs.Add(new CachedBlob(digest.Value, file.Length, ReadBasename(digest.Value)));
            }
        }
        return blobs.OrderBy(b => b.Sha256.Hex, StringComparer.Ordinal);
    }

    /// <summary>Directories named like blobs: nothing repro-get makes, but something a shared cache can be given.</summary>
    internal IEnumerable<CachedBlob> ListMisplacedDirectories() =>
        new DirectoryInfo(BlobDirectory).EnumerateDirectories()
            .Select(d => Sha256Digest.TryParse(d.Name, out var digest) ? new CachedBlob(digest.Value, 0, null) : null)
            .OfType<CachedBlob>();

    /// <summary>
    /// Temp files left by a process that died, in every directory the cache writes (blobs, basename, origin and
    /// other records); only those older than <paramref name="age"/> are touched.
    /// </summary>
    public IReadOnlyList<string> RemoveStaleTempFiles(TimeSpan age)
    {
        var removed = new List<string>();
        // OriginDirectory and the record kinds are the directories under digests/.
        var temps = new[] { BlobDirectory, MetadataDirectory }.Concat(Directory.EnumerateDirectories(Path.Combine(Root, "digests")))
            .SelectMany(d => new DirectoryInfo(d).EnumerateFiles("*" + TempSuffix));
        foreach (var file in temps)
        {
            if (DateTime.UtcNow - file.LastWriteTimeUtc > age)
            {
                file.Delete();
                removed.Add(file.FullName);
            }
        }
        return removed;
    }

    public void Remove(Sha256Digest digest)
    {
        File.Delete(BlobPath(digest));
        File.Delete(Path.Combine(MetadataDirectory, digest.Hex));
    }

    /// <summary>Deletes every blob and record, holding the lock exclusively so no other process is mid-download.</summary>
    public static void Clean(string root, TimeSpan? patience = null)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            return;
        }
        using var exclusive = CacheLock.Acquire(full, exclusive: true, patience);
        foreach (var dir in new[] { "blobs", "metadata", "digests" })
        {
            var path = Path.Combine(full, dir);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    public void Dispose() => _lock.Dispose();

    private string RecordPath(string kind, string key)
    {
        if (kind.Length == 0 || !kind.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || kind == "by-url-sha256")
        {
            throw new ArgumentException($"not a record kind: {kind}", nameof(kind));
        }
        if (key.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("a record key is one line", nameof(key));
        }
        return Path.Combine(Root, "digests", kind, Sha256Hasher.HashBytes(Encoding.UTF8.GetBytes(key)).Hex);
    }

    private string OriginPath(string url) =>
        Path.Combine(OriginDirectory, Sha256Hasher.HashBytes(Encoding.UTF8.GetBytes(url)).Hex);

    private void WriteAtomically(string path, byte[] bytes)
    {
        var temp = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch (IOException e)
        {
            File.Delete(temp);
            throw new CacheWriteException(Root, e);
        }
    }
}
