using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Hashing;
using ReproGet.Core.Providers;
using ReproGet.Distros.Alpine.Signing;
using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Locking;

/// <summary>
/// Learns the SHA-256 of the package file an index record names. The answer of an earlier run is in the cache's
/// origin records; otherwise the file comes from apk's own cache when it is there, or is fetched once. Either way it
/// streams into the content cache while its signature, its data hash and its control checksum (the index's
/// <c>C:</c>) are checked, and only a file that passes is committed and remembered under its URL.
/// </summary>
public sealed class ApkFileResolver(ContentCache cache, ApkKeyring keyring, IRepositoryReader repositories,
    IReadOnlyList<string> apkCacheDirectories, IStatusLog log)
{
    public async Task<Sha256Digest> ResolveAsync(IndexedPackage package, string architecture, CancellationToken cancellationToken)
    {
        var stanza = package.Stanza;
        var url = package.Repository.FileUrl(architecture, stanza.FileName);
        if (cache.FindByOrigin(url) is { } known && cache.Contains(known))
        {
            return known;
        }
        var expected = stanza.Checksum ?? throw new ApkVerificationException(
            $"the index of {package.Repository} gives no valid C: checksum for {stanza}", "run `apk update` to get a fresh index");
        var cachedCopy = apkCacheDirectories.Select(d => Path.Combine(d, $"{stanza.Name}-{stanza.Version}.{expected.CacheTag}.apk"))
            .FirstOrDefault(File.Exists);
        Sha256Digest digest;
        if (cachedCopy is not null)
        {
            log.Debug($"{stanza.FileName}: from apk's cache {cachedCopy}");
            await using var file = new FileStream(cachedCopy, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
            digest = await ImportAsync(file, cachedCopy, package, expected, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            log.Info($"fetching {ProviderTemplate.Redact(url)} once to learn its sha256");
            await using var body = await repositories.OpenAsync(url, cancellationToken).ConfigureAwait(false);
            digest = await ImportAsync(body, ProviderTemplate.Redact(url), package, expected, cancellationToken).ConfigureAwait(false);
        }
        cache.RecordOrigin(url, digest);
        return digest;
    }

    private async Task<Sha256Digest> ImportAsync(Stream content, string what, IndexedPackage package, ApkChecksum expected,
        CancellationToken cancellationToken)
    {
        await using var pending = cache.BeginWrite("apk");
        var tapped = new TappedStream(content, pending.WriteAsync);
        var file = await ApkPackageReader.ReadAsync(tapped, what, cancellationToken).ConfigureAwait(false);
        keyring.VerifyPackage(file, what);
        if (file.Checksum != expected)
        {
            throw new ApkVerificationException(
                $"{what} is not the file the index of {package.Repository} names: its control checksum is {file.Checksum}, the index says {expected}",
                "the mirror serves another build of this version; run `apk update` and lock again, or use another mirror");
        }
        if (package.Stanza.Size is { } size && size != file.Length)
        {
            throw new ApkVerificationException($"{what} has {file.Length} bytes, the index says {size}",
                "the file is damaged or not the one the index names; fetch it again");
        }
        return await pending.CommitAsync(package.Stanza.FileName, cancellationToken).ConfigureAwait(false);
    }
}
