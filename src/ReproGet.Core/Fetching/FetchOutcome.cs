using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Fetching;

public enum FetchStatus
{
    Cached,
    Downloaded,
    Failed,
}

/// <summary>What became of one entry: already cached, downloaded from a provider, or failed with every provider's reason.</summary>
public sealed record FetchOutcome(LockEntry Entry, FetchStatus Status, string? Provider, long Bytes, IReadOnlyList<ProviderFailure> Failures);
