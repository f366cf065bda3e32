using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// Checks a whole chain offline: one gpgv run per InRelease and one streaming pass per index (all in parallel), then
/// each package entry against the indexes. An entry is verified only through an index whose own links hold; an entry
/// of a lock that carries a chain but that no index lists is failed, not unproven (an added line must not slip in).
/// </summary>
public static class ChainVerifier
{
    public static async Task<ChainReport> VerifyAsync(IReadOnlyList<ProofFile> proofs, IReadOnlyList<(string Name, Sha256Digest Sha256)> entries,
        TrustedKeys keys, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        var inReleases = proofs.Where(p => ProofName.IsInRelease(p.Name)).ToList();
        var indexes = proofs.Where(p => ProofName.IsPackagesIndex(p.Name)).ToList();
        var wanted = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var scans = indexes.Select(i => Task.Run(() => PackagesIndexScan.ReadFile(i.Path, i.Name, wanted), cancellationToken)).ToList();
        var suites = await Task.WhenAll(inReleases.Select(async p =>
        {
            var suite = ProofName.SuiteOfInRelease(p.Name);
            var check = await InReleaseVerifier.VerifyAsync(p.Path, keys, asOf: null, cancellationToken, time).ConfigureAwait(false);
            if (check.IsValid && !check.Release!.Names(suite))
            {
                check = SignatureCheck.Failed($"{p.Name} is the Release of {check.Release.Codename ?? check.Release.Suite ?? "another suite"}, not of {suite}");
            }
            return new SuiteProof(suite, p.Name, check);
        })).ConfigureAwait(false);
        // Keyed by root, not suite: a lock may hold a live suite and the same suite from the snapshot archive.
        var bySuite = suites.ToDictionary(s => ProofName.RootOfInRelease(s.InReleaseName), StringComparer.Ordinal);
        var indexProofs = new List<IndexProof>();
        for (var i = 0; i < indexes.Count; i++)
        {
            indexProofs.Add(CheckIndex(indexes[i], await scans[i].ConfigureAwait(false), bySuite));
        }
        var hasChain = suites.Length > 0 || indexProofs.Count > 0;
        return new ChainReport(suites, indexProofs, [.. entries.Select(e => CheckEntry(e.Name, e.Sha256, hasChain, indexProofs, bySuite))]);
    }

    private static IndexProof CheckIndex(ProofFile index, PackagesIndexScan scan, Dictionary<string, SuiteProof> suites)
    {
        if (ProofName.SplitIndex(index.Name, suites.Keys) is not var (suite, path))
        {
            return new IndexProof(index.Name, null, scan, ChainLink.Index, $"the lock has no InRelease for the suite of {index.Name}");
        }
        var proof = suites[suite];
        if (!proof.Check.IsValid)
        {
            return new IndexProof(index.Name, suite, scan, ChainLink.Signature, $"{proof.InReleaseName}: {proof.Check.Failure}");
        }
        return proof.Release!.CheckIndex(path, scan.Sha256, scan.Size) is { } failure
            ? new IndexProof(index.Name, suite, scan, ChainLink.Index, $"{index.Name}: {failure}")
            : new IndexProof(index.Name, suite, scan, null, null);
    }

    private static EntryProof CheckEntry(string name, Sha256Digest sha256, bool hasChain, List<IndexProof> indexes, Dictionary<string, SuiteProof> suites)
    {
        if (!hasChain)
        {
            return new EntryProof(name, sha256, ProofStatus.Unproven) { Reason = "the lock carries no dists/… chain" };
        }
        var listing = indexes.Where(i => i.Scan.Listed.TryGetValue(name, out var listed) && listed == sha256).ToList();
        if (listing.FirstOrDefault(i => i.Holds) is { } good)
        {
            var suite = suites[good.Suite!];
            return new EntryProof(name, sha256, ProofStatus.Verified)
            {
                Signer = suite.Check.Signer, Suite = suite.Suite, ReleaseDate = suite.Release!.Date, Index = good.Name,
            };
        }
        if (listing.FirstOrDefault() is { } broken)
        {
            return new EntryProof(name, sha256, ProofStatus.Failed) { Index = broken.Name, BrokenLink = broken.BrokenLink, Reason = broken.Reason };
        }
        if (indexes.FirstOrDefault(i => i.Scan.Listed.ContainsKey(name)) is { } other)
        {
            return new EntryProof(name, sha256, ProofStatus.Failed)
            {
                Index = other.Name, BrokenLink = ChainLink.Entry, Reason = $"{other.Name}: {other.Scan.CheckEntry(name, sha256)}",
            };
        }
        return new EntryProof(name, sha256, ProofStatus.Failed)
        {
            BrokenLink = ChainLink.Entry, Reason = $"no index in the lock lists {name} (the lock's {indexes.Count} indexes were read)",
        };
    }
}
