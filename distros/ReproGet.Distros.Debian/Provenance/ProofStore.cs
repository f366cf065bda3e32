using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using System.Globalization;
using ReproGet.Core.Errors;
using ReproGet.Core.Files;
using ReproGet.Core.Hashing;
using ReproGet.Formats.Compression;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// Puts the chain's files into the content cache while locking (they are ordinary content-addressed entries, so
/// download, bundle, oci/ipfs push and cache export carry them). Without a usable cache the chain is still checked
/// and locked, with one warning. It also remembers what an apt list's inflated bytes hash to, keyed by the list
/// file's identity, so the next lock of unchanged lists does not read the 50 MB index again.
/// </summary>
internal sealed class ProofStore : IDisposable
{
    /// <summary>Records "the list file with this identity inflates to bytes with this SHA-256 and size".</summary>
    internal const string ListDigestKind = "apt-list-inflated-sha256";

    // A list changed less than this before it was read is not recorded (its ctime may not show a later write yet).
    private static readonly TimeSpan SettleMargin = TimeSpan.FromSeconds(2);

    private readonly ContentCache? _cache;
    private readonly TimeProvider _time;

    private ProofStore(ContentCache? cache, TimeProvider? time = null)
    {
        _cache = cache;
        _time = time ?? TimeProvider.System;
    }


    public static ProofStore Open(DistroContext context)
    {
        if (context.Cache is null)
        {
            return new ProofStore(null, context.Time);
        }
        try
        {
            return new ProofStore(context.Cache.Open(), context.Time);
        }
        catch (ReproGetException e)
        {
            context.Log.Warn($"{e.Message}: the signature chain is locked but not cached; verify and install will fetch it from the providers");
            return new ProofStore(null, context.Time);
        }
    }

    public async Task StoreFileAsync(string path, Sha256Digest sha256, string lockName, CancellationToken cancellationToken)
    {
        if (_cache is not { } cache || cache.Contains(sha256))
        {
            return;
        }
        await using var pending = cache.BeginWrite("provenance");
        await pending.WriteAsync(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        await pending.CommitAsync(sha256, Flatten(lockName), path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One pass over an apt list: inflates it, hashes and scans the plain index, and, when it is the
    /// <paramref name="expected"/> index, writes it into the cache. When the list is not that index but the cache holds
    /// it (a copy locked earlier), that signed copy is scanned instead. What the list hashes to is recorded against its
    /// identity (see <see cref="FindListDigest"/>).
    /// </summary>
    public async Task<PackagesIndexScan> ScanIndexAsync(string listPath, string lockName, Sha256Digest expected, IReadOnlySet<string> filenames,
        CancellationToken cancellationToken)
    {
        if (_cache is not { } cache)
        {
            return PackagesIndexScan.Read(Decompression.OpenFile(listPath), lockName, filenames);
        }
        var openedAt = _time.GetUtcNow();
        var file = new FileStream(listPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var identity = FileIdentity.Of(file.SafeFileHandle);
        PackagesIndexScan scan;
        if (cache.Contains(expected))
        {
            scan = PackagesIndexScan.Read(Decompression.OpenFile(file), lockName, filenames);
        }
        else
        {
            await using var pending = cache.BeginWrite("provenance");
            scan = PackagesIndexScan.Read(new CopyingReadStream(Decompression.OpenFile(file), pending), lockName, filenames);
            if (scan.Sha256 == expected)
            {
                await pending.CommitAsync(expected, Flatten(lockName), listPath, cancellationToken).ConfigureAwait(false);
            }
        }
        RecordListDigest(listPath, identity, openedAt, scan.Sha256, scan.Size);
        return scan.Sha256 != expected && cache.Contains(expected)
            ? PackagesIndexScan.ReadFile(cache.BlobPath(expected), lockName, filenames)
            : scan;
    }

    /// <summary>
    /// gpgv's check of the InRelease at <paramref name="path"/> (as of each signature's own time), or the accepted
    /// verdict an earlier run recorded for the same InRelease bytes and keyring bytes (<see cref="InReleaseCheckRecord"/>).
    /// Either way the bytes judged are the ones read here, once. Also returns their SHA-256 (the lock's line).
    /// </summary>
    public async Task<(SignatureCheck Check, Sha256Digest Sha256)> VerifyInReleaseAsync(string path, KeyringSnapshot keys, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var sha256 = Sha256Hasher.HashBytes(bytes);
        var key = InReleaseCheckRecord.Key(sha256, keys);
        if (_cache?.FindRecord(InReleaseCheckRecord.Kind, key) is { } value && InReleaseCheckRecord.Read(value, path) is { } recorded)
        {
            return (recorded, sha256);
        }
        var (check, signedText) = await InReleaseVerifier.VerifyBytesAsync(bytes, path, keys, null, cancellationToken, _time).ConfigureAwait(false);
        if (check.IsValid && signedText is not null && _cache is { } cache)
        {
            try
            {
                cache.WriteRecord(InReleaseCheckRecord.Kind, key, InReleaseCheckRecord.Write(check.Signer!, signedText));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CacheWriteException)
            {
                // A record is only a shortcut: without it the next run asks gpgv again.
            }
        }
        return (check, sha256);
    }

    /// <summary>
    /// What an earlier run found the inflated bytes of the list file with <paramref name="identity"/> to hash to, or
    /// null. The identity must be the one of the descriptor the caller read (a changed or replaced file has another).
    /// </summary>
    public (Sha256Digest Sha256, long Size)? FindListDigest(FileIdentity identity)
    {
        var value = _cache?.FindRecord(ListDigestKind, identity.Key);
        var parts = value?.Split(' ');
        return parts is [var digest, var size]
            && Sha256Digest.TryParsePrefixed(digest, out var sha256)
            && long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? (sha256.Value, bytes)
            : null;
    }

    /// <summary>
    /// Makes sure the cache holds the index the list inflates to (a cache cleaned since the digest was recorded):
    /// false when the list no longer inflates to <paramref name="expected"/>.
    /// </summary>
    public async Task<bool> EnsureIndexCachedAsync(string listPath, string lockName, Sha256Digest expected, CancellationToken cancellationToken)
    {
        if (_cache is not { } cache || cache.Contains(expected))
        {
            return true;
        }
        await using var pending = cache.BeginWrite("provenance");
        await using (var plain = Decompression.OpenFile(listPath))
        {
            var buffer = new byte[1 << 20];
            int read;
            while ((read = await plain.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await pending.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        try
        {
            await pending.CommitAsync(expected, Flatten(lockName), listPath, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DigestMismatchException)
        {
            return false;
        }
    }

    // Recorded only when the path still names the file read, unchanged, and that file was last changed long enough
    // before it was opened that any write since (during the read included) got a later ctime (FileIdentity.IsSettled).
    private void RecordListDigest(string listPath, FileIdentity identity, DateTimeOffset openedAt, Sha256Digest sha256, long size)
    {
        if (_cache is not { } cache || !identity.IsSettled(openedAt, SettleMargin))
        {
            return;
        }
        try
        {
            if (FileIdentity.OfPath(listPath) == identity)
            {
                cache.WriteRecord(ListDigestKind, identity.Key, string.Create(CultureInfo.InvariantCulture, $"{sha256.Prefixed} {size}"));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CacheWriteException)
        {
            // A record is only a shortcut: without it the next run reads the list again.
        }
    }

    // The cache belongs to the run (CacheAccess): not closed here.
    public void Dispose()
    {
    }

    // The name cache export writes the file under: unique per suite, like apt's own list names.
    private static string Flatten(string lockName) => lockName.Replace('/', '_');
}
