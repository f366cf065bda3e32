using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.CacheTransfer;
using ReproGet.Core.Operations.Quorum;

namespace ReproGet.Core.Operations.Bundling;

/// <summary>What to bundle: the lockfiles' entries and paths, and where to write the bundle.</summary>
public sealed record BundleRequest(IReadOnlyList<LockEntry> Entries, IReadOnlyList<string> Lockfiles, string Directory)
{
    /// <summary>OpenPGP keyrings install.sh trusts for the chain (empty: the root's).</summary>
    public IReadOnlyList<string> Keyrings { get; init; } = [];

    /// <summary>Also write the files as one CARv1, <see cref="BundleWriter.CarName"/>, with this archive; null: no CAR.</summary>
    public ICarArchive? Car { get; init; }

    /// <summary>The rebuilder quorum every package must pass before anything is fetched; its attestations go in the bundle.</summary>
    public QuorumPolicy? Quorum { get; init; }
}
