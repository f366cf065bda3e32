using ReproGet.Core.Distros;
using ReproGet.Core.Errors;

namespace ReproGet.Distros.Debian.Snapshot;

/// <summary>
/// The snapshot service at <c>--snapshot-base</c> (default <see cref="DefaultBase"/>): its URL layout, and its files
/// fetched once. Everything under <c>/archive/NAME/TIME/</c> never changes, so a fetched file is kept in the content
/// cache by its SHA-256 with its URL recorded as its origin: re-locking the same machine needs no network.
/// </summary>
internal sealed class SnapshotArchive(DistroContext context, string baseUrl)
{
    public const string DefaultBase = "http://snapshot.debian.org/";

    private readonly string _base = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";

    public string SuiteUrl(string archive, string time, string suite) => $"{_base}archive/{archive}/{time}/dists/{suite}/";

    public string FileInfoUrl(string package, string version) =>
        $"{_base}mr/binary/{Uri.EscapeDataString(package)}/{Uri.EscapeDataString(version)}/binfiles?fileinfo=1";

    /// <summary>A local path holding <paramref name="url"/>'s bytes: the cached blob, fetched first when needed.</summary>
    public async Task<string> FetchAsync(string url, bool immutable, CancellationToken cancellationToken)
    {
        var cache = context.Cache?.Open();
        if (immutable && cache?.FindByOrigin(url) is { } known && cache.Contains(known))
        {
            return cache.BlobPath(known);
        }
        var reader = context.Repositories
            ?? throw new ReproGetException($"cannot fetch {url}: this run has no repository reader", "pass --no-snapshot");
        await using var stream = await reader.OpenAsync(url, cancellationToken).ConfigureAwait(false);
        if (cache is null)
        {
            var temp = Path.Combine(Path.GetTempPath(), $"repro-get-snapshot-{Guid.NewGuid():N}");
            await using var file = File.Create(temp);
            await stream.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            return temp;
        }
        await using var pending = cache.BeginWrite("snapshot");
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await pending.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
        var digest = await pending.CommitAsync(basename: null, cancellationToken).ConfigureAwait(false);
        if (immutable)
        {
            cache.RecordOrigin(url, digest);
        }
        return cache.BlobPath(digest);
    }
}
