using ReproGet.Core.Fetching;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Fetching;

namespace ReproGet.Core.Operations;

/// <summary>Progress nobody watches: for callers (tests, embedders) that only want the result.</summary>
public sealed class SilentProgress : IOperationProgress
{
    public static SilentProgress Instance { get; } = new();

    public void FetchStarting(int files)
    {
    }

    public void FetchFinished(FetchReport report)
    {
    }

    public void Downloading(LockEntry entry, string redactedUrl, long? totalLength)
    {
    }

    public void Transferred(LockEntry entry, long bytes)
    {
    }

    public void Retrying(LockEntry entry, string redactedUrl, string reason, TimeSpan delay)
    {
    }

    public void ProviderFailed(LockEntry entry, string redactedUrl, string reason)
    {
    }

    public void Finished(FetchOutcome outcome)
    {
    }
}
