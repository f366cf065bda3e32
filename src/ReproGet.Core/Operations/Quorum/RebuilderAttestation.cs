using ReproGet.Core.Hashing;

namespace ReproGet.Core.Operations.Quorum;

/// <summary>
/// A cached in-toto link a quorum check used: which rebuilder (by its instance URL, the key of the cache's record)
/// served it for which locked package, and the link's own sha256. <c>bundle</c> carries these, so a bundle can be
/// re-checked offline.
/// </summary>
public sealed record RebuilderAttestation(string BaseUrl, Sha256Digest Package, Sha256Digest Attestation)
{
    /// <summary>Every attestation the check decided on (attesting or disagreeing), once each, in package order.</summary>
    public static IReadOnlyList<RebuilderAttestation> Used(QuorumResult result, IReadOnlyList<RebuilderConfig> rebuilders)
    {
        var urls = rebuilders.ToDictionary(r => r.Name, r => r.BaseUrl, StringComparer.Ordinal);
        return
        [
            .. result.Packages.SelectMany(p => p.Verdicts
                    .Where(v => v.Attestation is not null && urls.ContainsKey(v.Rebuilder))
                    .Select(v => new RebuilderAttestation(urls[v.Rebuilder], p.Entry.Sha256, v.Attestation!.Value)))
                .Distinct(),
        ];
    }
}
