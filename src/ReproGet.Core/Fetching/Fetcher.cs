using System.Buffers;
using System.Collections.Concurrent;
using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Providers;

namespace ReproGet.Core.Fetching;

/// <summary>
/// Brings every entry into the cache: in parallel, each entry trying the providers in order. Every byte is hashed
/// on its way into a temp file in the cache, and only a matching SHA-256 is committed.
/// </summary>
public sealed class Fetcher(ContentCache cache, BlobSourceSet sources, FetchOptions options, IFetchProgress progress)
{
    private readonly ConcurrentDictionary<string, HostGate> _hostGates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _unreachableHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly TransferRetry _retry = new(options, progress);

    // Big enough that one read takes what a loopback or LAN socket has buffered, small enough for many at once.
    private const int TransferBufferSize = 1 << 18;

    /// <summary>
    /// Fetches all entries; returns one outcome per entry in entry order. Throws only on cancellation, or with a
    /// <see cref="CacheWriteException"/> when the cache cannot take more bytes (no provider can help with that:
    /// the other transfers stop, their temp files go, the blobs verified so far stay).
    /// </summary>
    public async Task<IReadOnlyList<FetchOutcome>> FetchAsync(IReadOnlyList<LockEntry> entries,
        IReadOnlyList<ProviderTemplate> providers, CancellationToken cancellationToken)
    {
        ReserveThreadsForDiskWaits(options.Jobs);
        var outcomes = new FetchOutcome[entries.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, entries.Count), parallel, async (i, ct) =>
        {
            outcomes[i] = await FetchOneAsync(entries[i], providers, ct).ConfigureAwait(false);
            progress.Finished(outcomes[i]);
        }).ConfigureAwait(false);
        return outcomes;
    }

    // Every transfer may hold a pool thread in a disk write or an fsync. Without spare threads the network reads and
    // the hashing wait for the pool's slow thread injection (measured on the download bench: 0.60 s → 0.49 s).
    private static void ReserveThreadsForDiskWaits(int jobs)
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        var wanted = Math.Max(1, jobs) + Environment.ProcessorCount;
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, completionPorts);
        }
    }

    private async Task<FetchOutcome> FetchOneAsync(LockEntry entry, IReadOnlyList<ProviderTemplate> providers,
        CancellationToken cancellationToken)
    {
        if (cache.Contains(entry.Sha256))
        {
            return new FetchOutcome(entry, FetchStatus.Cached, null, 0, []);
        }
        var failures = new List<string>();
        foreach (var provider in providers)
        {
            if (!provider.TryRender(entry, out var url, out var declined))
            {
                failures.Add($"{provider.Raw}: skipped, {declined}");
                continue;
            }
            var redacted = ProviderTemplate.Redact(url);
            if (_unreachableHosts.TryGetValue(HostKey(url), out var unreachable))
            {
                failures.Add(SkippedAsUnreachable(redacted, unreachable));
                continue;
            }
            try
            {
                var bytes = await DownloadAsync(entry, url, redacted, cancellationToken).ConfigureAwait(false);
                return new FetchOutcome(entry, FetchStatus.Downloaded, redacted, bytes, failures);
            }
            catch (HostSkippedException e)
            {
                failures.Add(SkippedAsUnreachable(redacted, e.Message));
            }
            catch (Exception e) when (e is ReproGetException and not CacheWriteException
                or IOException or UnauthorizedAccessException or HttpRequestException)
            {
                failures.Add($"{redacted}: {e.Message}");
                progress.ProviderFailed(entry, redacted, e.Message);
            }
        }
        if (cache.Contains(entry.Sha256))
        {
            // Another process sharing the cache finished it meanwhile.
            return new FetchOutcome(entry, FetchStatus.Cached, null, 0, failures);
        }
        return new FetchOutcome(entry, FetchStatus.Failed, null, 0, failures);
    }

    private async Task<long> DownloadAsync(LockEntry entry, string url, string redacted, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new SourceException($"not a URL", isTransient: false);
        }
        var source = sources.Find(uri.Scheme)
            ?? throw new SourceException($"unsupported URL scheme \"{uri.Scheme}\" (known: {string.Join(", ", sources.Schemes)})", isTransient: false);
        var host = HostKey(url);
        var gate = _hostGates.GetOrAdd(host, _ => new HostGate(Math.Max(1, options.PerHost)));
        await using var pending = cache.BeginWrite();
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The wait may have lasted exactly as long as another transfer took to find the host dead.
            if (_unreachableHosts.TryGetValue(host, out var unreachable))
            {
                throw new HostSkippedException(unreachable);
            }
            await _retry.ExecuteAsync(entry, redacted,
                ct => TransferAsync(source, new BlobRequest(uri, entry, pending.Length), pending, redacted, gate, ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (SourceException e) when (e.IsHostUnreachable)
        {
            // A dead mirror is tried once per run, not once per file; marked before the gate lets the next one in.
            _unreachableHosts.TryAdd(host, e.Message);
            throw;
        }
        catch (SourceException)
        {
            // An HTTP error is an answer too: the host is there.
            gate.Answered();
            throw;
        }
        finally
        {
            // The commit's fsync waits for the disk, not the host: let the next transfer have the connection.
            gate.Release();
        }
        await pending.CommitAsync(entry.Sha256, entry.Basename, $"{entry.Name} from {redacted}", cancellationToken)
            .ConfigureAwait(false);
        return pending.Length;
    }

    // A server that accepts the connection but never answers would otherwise hold the transfer forever: the stall
    // detector only guards the body.
    private async Task<BlobResponse> OpenAsync(IBlobSource source, BlobRequest request, string redacted,
        CancellationToken cancellationToken)
    {
        var patience = options.ConnectTimeout + options.StallTimeout;
        using var answered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answered.CancelAfter(patience);
        try
        {
            return await source.OpenAsync(request, answered.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceException($"{redacted}: no response within {patience.TotalSeconds:0.#} s", isTransient: true, inner: e);
        }
    }

    private static string SkippedAsUnreachable(string redactedUrl, string reason) =>
        $"{redactedUrl}: skipped, host unreachable earlier in this run ({reason})";

    private static string HostKey(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Scheme + "://" + uri.Authority : url;

    private async Task TransferAsync(IBlobSource source, BlobRequest request, PendingBlob pending, string redacted,
        HostGate gate, CancellationToken cancellationToken)
    {
        var entry = request.Entry!;
        await using var response = await OpenAsync(source, request, redacted, cancellationToken).ConfigureAwait(false);
        gate.Answered();
        if (response.Offset != pending.Length)
        {
            await pending.ResetAsync().ConfigureAwait(false);
        }
        if (pending.Length == 0)
        {
            progress.Downloading(entry, redacted, response.TotalLength);
        }
        await using var body = new StallDetectingStream(response.Content, options.StallTimeout, redacted);
        // Pooled: a fresh buffer per file is a large-object allocation each time, and the GCs they cause.
        var buffer = ArrayPool<byte>.Shared.Rent(TransferBufferSize);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await pending.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                progress.Transferred(entry, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
