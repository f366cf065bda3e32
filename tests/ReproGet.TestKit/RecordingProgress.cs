using ReproGet.Core.Fetching;
using ReproGet.Core.Lockfiles;

namespace ReproGet.TestKit;

/// <summary>An <see cref="IFetchProgress"/> that keeps every event (it is called from several threads at once).</summary>
public sealed class RecordingProgress : IFetchProgress
{
    private readonly Lock _gate = new();
    private readonly List<string> _downloads = [];
    private readonly List<(string Url, string Reason, TimeSpan Delay)> _retries = [];
    private readonly List<(string Url, string Reason)> _providerFailures = [];
    private readonly List<FetchOutcome> _finished = [];
    private long _bytes;

    /// <summary>The URLs of transfers that started from byte zero.</summary>
    public IReadOnlyList<string> Downloads => Copy(_downloads);

    public IReadOnlyList<(string Url, string Reason, TimeSpan Delay)> Retries => Copy(_retries);

    public IReadOnlyList<(string Url, string Reason)> ProviderFailures => Copy(_providerFailures);

    public IReadOnlyList<FetchOutcome> Outcomes => Copy(_finished);

    public long TransferredBytes => Interlocked.Read(ref _bytes);

    public void Downloading(LockEntry entry, string redactedUrl, long? totalLength) => Add(_downloads, redactedUrl);

    public void Transferred(LockEntry entry, long bytes) => Interlocked.Add(ref _bytes, bytes);

    public void Retrying(LockEntry entry, string redactedUrl, string reason, TimeSpan delay) => Add(_retries, (redactedUrl, reason, delay));

    public void ProviderFailed(LockEntry entry, string redactedUrl, string reason) => Add(_providerFailures, (redactedUrl, reason));

    public void Finished(FetchOutcome outcome) => Add(_finished, outcome);

    private void Add<T>(List<T> list, T item)
    {
        lock (_gate)
        {
            list.Add(item);
        }
    }

    private List<T> Copy<T>(List<T> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }
}
