using ReproGet.Core.Fetching;
using ReproGet.Core.Operations.Fetching;

namespace ReproGet.Core.Operations;

/// <summary>
/// What operations tell the one who watches, besides status lines: the fetcher's per-file progress, and when a fetch
/// starts and ends (so the CLI can draw a bar and print the summary at the right moment).
/// </summary>
public interface IOperationProgress : IFetchProgress
{
    void FetchStarting(int files);

    void FetchFinished(FetchReport report);
}
