using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Cache;

/// <summary>
/// Imports files (directories recursively) into the cache under their own digest. Unlike the Go tool, relative
/// paths work and every failure is reported rather than swallowed. Only regular files are imported: a symlink to one
/// is imported under the link's name; a FIFO, socket, device or dangling symlink is an error naming the path.
/// </summary>
public sealed class CacheImporter(ContentCache cache)
{
    private static readonly EnumerationOptions OneLevel = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    public sealed record Imported(Sha256Digest Sha256, string Basename, string Path);

    public sealed record Result(IReadOnlyList<Imported> Imported, IReadOnlyList<string> Errors);

    public async Task<Result> ImportAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var imported = new List<Imported>();
        var errors = new List<string>();
        var byBasename = new Dictionary<string, Imported>(StringComparer.Ordinal);
        foreach (var file in ExpandFiles(paths, errors))
        {
            try
            {
                var basename = System.IO.Path.GetFileName(file);
                var digest = await ImportFileAsync(file, basename, cancellationToken).ConfigureAwait(false);
                var item = new Imported(digest, basename, file);
                if (byBasename.TryGetValue(basename, out var earlier) && earlier.Sha256 != digest)
                {
                    errors.Add($"conflict: {NameEscaping.Quote(file)} and {NameEscaping.Quote(earlier.Path)} share the base name {NameEscaping.Quote(basename)} but differ");
                    continue;
                }
                byBasename[basename] = item;
                imported.Add(item);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"cannot import {NameEscaping.Quote(file)}: {e.Message}");
            }
        }
        return new Result(imported, errors);
    }

    /// <summary>Imports one regular file under <paramref name="basename"/>; with <paramref name="expected"/>, only if it has that digest.</summary>
    public async Task<Sha256Digest> ImportFileAsync(string file, string? basename, CancellationToken cancellationToken, Sha256Digest? expected = null)
    {
        // Checked before opening: opening a FIFO would wait for a writer forever.
        RegularFileCheck.Require(file);
        await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        await using var pending = cache.BeginWrite("import");
        var buffer = new byte[1 << 17];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await pending.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
        if (expected is { } digest)
        {
            await pending.CommitAsync(digest, basename, NameEscaping.Quote(file), cancellationToken).ConfigureAwait(false);
            return digest;
        }
        return await pending.CommitAsync(basename, cancellationToken).ConfigureAwait(false);
    }

    // Walks the tree one directory at a time, so an unreadable folder is reported and the rest is still imported
    // (one recursive enumeration would throw out of the whole import). Symlinked folders are not followed.
    private static List<string> FilesUnder(string root, List<string> errors)
    {
        var files = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var directory))
        {
            try
            {
                files.AddRange(Directory.EnumerateFiles(directory, "*", OneLevel));
                foreach (var sub in new DirectoryInfo(directory).EnumerateDirectories("*", OneLevel).Where(d => d.LinkTarget is null))
                {
                    pending.Push(sub.FullName);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"cannot import {NameEscaping.Quote(directory)}: {e.Message}");
            }
        }
        return files;
    }

    private static IEnumerable<string> ExpandFiles(IEnumerable<string> paths, List<string> errors)
    {
        foreach (var path in paths)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                foreach (var file in FilesUnder(full, errors).Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else if (File.Exists(full))
            {
                yield return full;
            }
            else
            {
                errors.Add($"cannot import {NameEscaping.Quote(path)}: no such file or directory");
            }
        }
    }
}
