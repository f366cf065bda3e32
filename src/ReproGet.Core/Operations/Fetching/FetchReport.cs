using ReproGet.Core.Fetching;

namespace ReproGet.Core.Operations.Fetching;

/// <summary>What a fetch did: one outcome per entry, in entry order, and how long it took.</summary>
public sealed record FetchReport(IReadOnlyList<FetchOutcome> Outcomes, TimeSpan Elapsed)
{
    public IReadOnlyList<FetchOutcome> Failed { get; } = [.. Outcomes.Where(o => o.Status == FetchStatus.Failed)];

    /// <summary>True when every entry is in the cache now.</summary>
    public bool IsComplete => Failed.Count == 0;
}
