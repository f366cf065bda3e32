using ReproGet.Core.Errors;
using ReproGet.Core.Files;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Cache;

/// <summary>
/// Blobs copied out of the cache for a tool that reads files by path (dpkg, rpm, pacman, apk): each is copied
/// through <see cref="ContentCache.OpenVerified"/> into a private folder (mode 0700, inside the cache root so it is
/// the same disk) and used from there. Hashing the blob in place and then handing its path over would leave a
/// window in which a writer of a shared cache could swap the bytes; the private copy, verified as it was written,
/// cannot change. A corrupt blob is removed, reported, fetched again through <c>refetch</c> (when there is one) and
/// copied again; a blob still corrupt after that stops the checkout. Disposing deletes the copies.
/// </summary>
public sealed class BlobCheckout : IDisposable
{
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly IDisposable _tracked;

    private BlobCheckout(string directory)
    {
        Directory = directory;
        _tracked = TemporaryPaths.Track(directory);
    }

    public string Directory { get; }

    /// <summary>Bytes copied (and hashed) out of the cache.</summary>
    public long Bytes { get; private set; }

    public string PathOf(Sha256Digest digest) => Path.Combine(Directory, digest.Hex);

    public static async Task<BlobCheckout> CheckOutAsync(ContentCache cache, IReadOnlyList<LockEntry> entries,
        Func<IReadOnlyList<LockEntry>, CancellationToken, Task>? refetch, Action<string> report, CancellationToken cancellationToken)
    {
        var checkout = new BlobCheckout(System.IO.Directory.CreateDirectory(
            Path.Combine(cache.Root, $".checkout-{Guid.NewGuid():N}.tmp"), PrivateDirectory).FullName);
        try
        {
            var corrupt = await checkout.CopyAsync(cache, entries, report, cancellationToken).ConfigureAwait(false);
            if (corrupt.Count > 0 && refetch is not null)
            {
                await refetch(corrupt, cancellationToken).ConfigureAwait(false);
                corrupt = await checkout.CopyAsync(cache, corrupt, report, cancellationToken).ConfigureAwait(false);
            }
            if (corrupt.Count > 0)
            {
                throw new ReproGetException($"{corrupt.Count} cached files were corrupt and removed: "
                    + string.Join(", ", corrupt.Select(e => NameEscaping.Quote(e.Name))) + "; nothing was used",
                    "fetch them again: repro-get download LOCKFILE… (with the same --cache)");
            }
            return checkout;
        }
        catch
        {
            checkout.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        _tracked.Dispose();
    }

    private async Task<List<LockEntry>> CopyAsync(ContentCache cache, IReadOnlyList<LockEntry> entries, Action<string> report,
        CancellationToken cancellationToken)
    {
        var corrupt = new List<LockEntry>();
        foreach (var group in entries.GroupBy(e => e.Sha256))
        {
            var path = PathOf(group.Key);
            File.Delete(path);
            try
            {
                await using var source = cache.OpenVerified(group.Key);
                await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    await source.CopyToAsync(target, 1 << 20, cancellationToken).ConfigureAwait(false);
                }
                Bytes += source.Position;
            }
            catch (CorruptBlobException e)
            {
                File.Delete(path);
                report($"{NameEscaping.Quote(group.First().Name)}: {e.Message}");
                corrupt.AddRange(group);
            }
        }
        return corrupt;
    }
}
