using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Fetching;

/// <summary>What the fetcher tells the user while it works. Called from several threads at once.</summary>
public interface IFetchProgress
{
    void Downloading(LockEntry entry, string redactedUrl, long? totalLength);

    void Transferred(LockEntry entry, long bytes);

    void Retrying(LockEntry entry, string redactedUrl, string reason, TimeSpan delay);

    void ProviderFailed(LockEntry entry, string redactedUrl, string reason);

    void Finished(FetchOutcome outcome);
}
