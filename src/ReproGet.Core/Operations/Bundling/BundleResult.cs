using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Fetching;

namespace ReproGet.Core.Operations.Bundling;

/// <summary>
/// What <c>bundle</c> did: the files it bundled, what <see cref="BundleWriter"/> wrote (null when a fetch failed and
/// nothing was written), the fetch of the files that were not cached (null when all were), the CAR's files with their
/// CIDs (null without <c>--car</c>), and how many rebuilder attestations it carries.
/// </summary>
public sealed record BundleResult(IReadOnlyList<LockEntry> Files, BundleWriter.Result? Written, FetchReport? Fetch)
{
    public IReadOnlyList<LockEntry>? Car { get; init; }

    public int Attestations { get; init; }
}
