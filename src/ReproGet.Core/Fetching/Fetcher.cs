using System.Buffers;
using System.Collections.Concurrent;
using Polly.CircuitBreaker;
using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Providers;
using ReproGet.Core.Resilience;

namespace ReproGet.Core.Fetching;

/// <summary>
/// Brings every entry into the cache: in parallel, each entry trying the providers in order. Every byte is hashed
/// on its way into a temp file in the cache, and only a matching SHA-256 is committed. One temp file serves all of an
/// entry's providers: when a provider stalls or breaks off and another remains, the next one resumes with Range from
/// the bytes already held (their running hash kept), and a host that is slow again and again is skipped for the rest
/// of the run (its circuit breaker opens).
/// </summary>
public sealed class Fetcher(ContentCache cache, BlobSourceSet sources, FetchOptions options, IFetchProgress progress,
    ResilienceRegistry? resilience = null)
{
    private readonly ConcurrentDictionary<string, HostGate> _hostGates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _unreachableHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _slowHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ResilienceRegistry _resilience = resilience ?? new ResilienceRegistry(options.Time, options.TransferRetryPolicy);

    // Big enough that one read takes what a loopback or LAN socket has buffered, small enough for many at once.
    private const int TransferBufferSize = 1 << 18;

    // How often a transfer of unknown size looks at the free space it leaves.
    private const long FreeSpaceCheckInterval = 16 << 20;

    // Orphaned temp files younger than this are left alone: their process may have created them an instant ago.
    private static readonly TimeSpan OrphanMinimumAge = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Fetches all entries; returns one outcome per entry in entry order. Throws only on cancellation, or with a
    /// <see cref="CacheWriteException"/> when the cache cannot take more bytes (no provider can help with that:
    /// the other transfers stop, their temp files go, the blobs verified so far stay).
    /// </summary>
    public Task<IReadOnlyList<FetchOutcome>> FetchAsync(IReadOnlyList<LockEntry> entries,
        IReadOnlyList<ProviderTemplate> providers, CancellationToken cancellationToken) =>
        FetchAsync([.. entries.Select(e => new FetchItem(e))], providers, cancellationToken);

    /// <summary>As above, with each entry's expected size where it is known (its upper bound then).</summary>
    public async Task<IReadOnlyList<FetchOutcome>> FetchAsync(IReadOnlyList<FetchItem> items,
        IReadOnlyList<ProviderTemplate> providers, CancellationToken cancellationToken)
    {
        ReserveThreadsForDiskWaits(options.Jobs);
        var outcomes = new FetchOutcome[items.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallel, async (i, ct) =>
        {
            outcomes[i] = await FetchOneAsync(items[i], providers, ct).ConfigureAwait(false);
            progress.Finished(outcomes[i]);
        }).ConfigureAwait(false);
        // Left by a killed run and not resumed by this one (no entry of this run wanted them).
        cache.RemoveOrphanDownloads(OrphanMinimumAge);
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

    private async Task<FetchOutcome> FetchOneAsync(FetchItem item, IReadOnlyList<ProviderTemplate> providers,
        CancellationToken cancellationToken)
    {
        var entry = item.Entry;
        if (cache.Contains(entry.Sha256))
        {
            return new FetchOutcome(entry, FetchStatus.Cached, null, 0, []);
        }
        var failures = new List<ProviderFailure>();
        using var timed = new CancellationTokenSource(options.FileDeadline, options.Time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timed.Token);
        PendingBlob? pending = null;
        try
        {
            for (var i = 0; i < providers.Count; i++)
            {
                var provider = providers[i];
                if (!provider.TryRender(entry, out var url, out var declined))
                {
                    failures.Add(new ProviderFailure(provider.Raw, ProviderFailureReason.NotApplicable, $"skipped, {declined}"));
                    continue;
                }
                var redacted = ProviderTemplate.Redact(url);
                if (SkipReason(HostKey(url)) is { } skip)
                {
                    failures.Add(new ProviderFailure(redacted, ProviderFailureReason.HostSkipped, skip));
                    continue;
                }
                pending ??= cache.BeginDownload(entry.Sha256);
                try
                {
                    var moveOn = AnotherProviderMayServe(entry, providers, i);
                    var bytes = await DownloadAsync(item, url, redacted, pending, moveOn, deadline.Token).ConfigureAwait(false);
                    return new FetchOutcome(entry, FetchStatus.Downloaded, redacted, bytes, failures);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    Failed(new ProviderFailure(redacted, ProviderFailureReason.Deadline,
                        $"gave up: the file took longer than its deadline of {options.FileDeadline.TotalSeconds:0.#} s", e));
                    break;
                }
                catch (HostSkippedException e)
                {
                    failures.Add(new ProviderFailure(redacted, ProviderFailureReason.HostSkipped, Unreachable(e.Message)));
                }
                catch (BrokenCircuitException)
                {
                    failures.Add(new ProviderFailure(redacted, ProviderFailureReason.HostSkipped, SkipReason(HostKey(url)) ?? "skipped"));
                }
                catch (DigestMismatchException e)
                {
                    Failed(new ProviderFailure(redacted, ProviderFailureReason.DigestMismatch, e.Message, e));
                    await pending.ResetAsync().ConfigureAwait(false);
                }
                catch (SourceException e)
                {
                    Failed(new ProviderFailure(redacted, Reason(e), e.Message, e));
                    if (e.Kind is SourceFailureKind.TooLarge or SourceFailureKind.WrongSize)
                    {
                        // Those bytes are nobody's: give the space back before the next provider.
                        await pending.ResetAsync().ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is ReproGetException and not CacheWriteException
                    or IOException or UnauthorizedAccessException or HttpRequestException)
                {
                    Failed(new ProviderFailure(redacted, ProviderFailureReason.Other, e.Message, e));
                }
            }
        }
        finally
        {
            if (pending is not null)
            {
                await pending.DisposeAsync().ConfigureAwait(false);
            }
        }
        if (cache.Contains(entry.Sha256))
        {
            // Another process sharing the cache finished it meanwhile.
            return new FetchOutcome(entry, FetchStatus.Cached, null, 0, failures);
        }
        return new FetchOutcome(entry, FetchStatus.Failed, null, 0, failures);

        void Failed(ProviderFailure failure)
        {
            failures.Add(failure);
            progress.ProviderFailed(entry, failure.Provider, failure.Detail);
        }
    }

    private static ProviderFailureReason Reason(SourceException e) => e.Kind switch
    {
        SourceFailureKind.Unreachable => ProviderFailureReason.Unreachable,
        SourceFailureKind.HttpStatus => ProviderFailureReason.HttpStatus,
        SourceFailureKind.Stalled or SourceFailureKind.TooSlow or SourceFailureKind.NoResponse => ProviderFailureReason.Slow,
        SourceFailureKind.TooLarge or SourceFailureKind.WrongSize => ProviderFailureReason.TooLarge,
        _ => ProviderFailureReason.Other,
    };

    /// <summary>Why a host is skipped without trying, or null when it may be tried.</summary>
    private string? SkipReason(string host)
    {
        if (_unreachableHosts.TryGetValue(host, out var unreachable))
        {
            return Unreachable(unreachable);
        }
        if (_resilience.IsHostBroken(host))
        {
            return $"skipped, host too slow repeatedly earlier in this run ({_slowHosts.GetValueOrDefault(host, "stalled")})";
        }
        return null;
    }

    /// <summary>Whether a later provider could serve the entry: then a slow one is left at once instead of retried.</summary>
    private bool AnotherProviderMayServe(LockEntry entry, IReadOnlyList<ProviderTemplate> providers, int current)
    {
        for (var j = current + 1; j < providers.Count; j++)
        {
            if (providers[j].TryRender(entry, out var url, out _) && SkipReason(HostKey(url)) is null)
            {
                return true;
            }
        }
        return false;
    }

    private async Task<long> DownloadAsync(FetchItem item, string url, string redacted, PendingBlob pending, bool moveOnFromSlowness,
        CancellationToken cancellationToken)
    {
        var entry = item.Entry;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new SourceException($"not a URL", isTransient: false);
        }
        var source = sources.Find(uri.Scheme)
            ?? throw new SourceException($"unsupported URL scheme \"{uri.Scheme}\" (known: {string.Join(", ", sources.Schemes)})", isTransient: false);
        var host = HostKey(url);
        var gate = _hostGates.GetOrAdd(host, _ => new HostGate(Math.Max(1, options.PerHost)));
        var breaker = _resilience.HostBreaker(host);
        // Bytes held before this provider started came from another provider or an earlier run.
        var heldBefore = pending.Length;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The wait may have lasted exactly as long as another transfer took to find the host dead.
            if (_unreachableHosts.TryGetValue(host, out var unreachable))
            {
                throw new HostSkippedException(unreachable);
            }
            await _resilience.ExecuteAsync(ResiliencePurpose.Transfer,
                ct => breaker.ExecuteAsync(
                    async token => await TransferAsync(source, item, new BlobRequest(uri, entry, pending.Length), pending, redacted, gate, token)
                        .ConfigureAwait(false), ct).AsTask(),
                cancellationToken,
                onRetry: (fault, delay) => progress.Retrying(entry, redacted, fault.Message, delay),
                moveOnFromSlowness).ConfigureAwait(false);
        }
        catch (SourceException e) when (e.IsHostUnreachable)
        {
            // A dead mirror is tried once per run, not once per file; marked before the gate lets the next one in.
            _unreachableHosts.TryAdd(host, e.Message);
            throw;
        }
        catch (SourceException e)
        {
            if (e.IsSlowness)
            {
                _slowHosts[host] = e.Message;
            }
            // An HTTP error is an answer too: the host is there.
            gate.Answered();
            throw;
        }
        finally
        {
            // The commit's fsync waits for the disk, not the host: let the next transfer have the connection.
            gate.Release();
        }
        try
        {
            await pending.CommitAsync(entry.Sha256, entry.Basename, $"{entry.Name} from {redacted}", cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DigestMismatchException) when (heldBefore > 0)
        {
            // Part of the bytes came from elsewhere; which source lied is unknown, so this one sends all of it once.
            await pending.ResetAsync().ConfigureAwait(false);
            return await DownloadAsync(item, url, redacted, pending, moveOnFromSlowness, cancellationToken).ConfigureAwait(false);
        }
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
            throw new SourceException($"{redacted}: no response within {patience.TotalSeconds:0.#} s", isTransient: true, inner: e)
            {
                Kind = SourceFailureKind.NoResponse,
            };
        }
    }

    private static string Unreachable(string reason) => $"skipped, host unreachable earlier in this run ({reason})";

    private static string HostKey(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Scheme + "://" + uri.Authority : url;

    private async Task TransferAsync(IBlobSource source, FetchItem item, BlobRequest request, PendingBlob pending, string redacted,
        HostGate gate, CancellationToken cancellationToken)
    {
        var entry = request.Entry!;
        await using var response = await OpenAsync(source, request, redacted, cancellationToken).ConfigureAwait(false);
        gate.Answered();
        if (response.Offset != pending.Length)
        {
            await pending.ResetAsync().ConfigureAwait(false);
        }
        var bound = TransferBound.For(item, options, redacted);
        bound.CheckAnnounced(response.TotalLength);
        if (pending.Length == 0)
        {
            progress.Downloading(entry, redacted, response.TotalLength);
        }
        await using var body = new StallDetectingStream(response.Content, options.StallTimeout, redacted,
            options.MinimumRate, options.MinimumRateWindow, options.Time);
        // Pooled: a fresh buffer per file is a large-object allocation each time, and the GCs they cause.
        var buffer = ArrayPool<byte>.Shared.Rent(TransferBufferSize);
        var nextSpaceCheck = pending.Length + FreeSpaceCheckInterval;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                bound.CheckReceived(pending.Length + read);
                if (item.ExpectedSize is null && pending.Length + read >= nextSpaceCheck)
                {
                    bound.CheckFreeSpace(cache.Root);
                    nextSpaceCheck += FreeSpaceCheckInterval;
                }
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
