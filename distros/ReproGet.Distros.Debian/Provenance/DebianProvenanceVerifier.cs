using ReproGet.Core.Distros;
using ReproGet.Core.Operations.Verify;
using ReproGet.Formats.OpenPgp;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// <c>verify</c> for Debian and Ubuntu: the lock's own chain (<c>dists/…</c> entries) read from the cache, checked by
/// <see cref="ChainVerifier"/>, one row per <c>.deb</c> entry. Only the chain's files are read: a package's bytes
/// are already bound to its locked hash by the cache.
/// </summary>
internal sealed class DebianProvenanceVerifier(IDistro distro) : IProvenanceVerifier
{
    public IReadOnlyList<Core.Lockfiles.LockEntry> Needed(IDistro _, IReadOnlyList<Core.Lockfiles.LockEntry> entries) =>
        [.. entries.Where(e => distro.Classify(e) == EntryRole.Proof)];

    public IReadOnlyList<string> BundleKeyrings(DistroContext context, IReadOnlyList<string> given) =>
        [.. (given.Count > 0 ? TrustedKeys.FromFiles(given) : TrustedKeys.ForRoot(context)).Files.Where(f => !f.EndsWith(".asc", StringComparison.Ordinal))];

    public async Task<IReadOnlyList<VerificationRow>> VerifyAsync(DistroContext context, ProvenanceRequest request, CancellationToken cancellationToken)
    {
        var proofs = request.Entries.Where(e => distro.Classify(e) == EntryRole.Proof)
            .Select(e => new ProofFile(e.Name, e.Sha256, request.BlobPath(e.Sha256))).ToList();
        var packages = request.Entries.Where(e => distro.Classify(e) == EntryRole.Package).ToList();
        var keys = request.Keyrings.Count > 0 ? TrustedKeys.FromFiles(request.Keyrings) : TrustedKeys.ForRoot(context);
        var report = await ChainVerifier.VerifyAsync(proofs, [.. packages.Select(p => (p.Name, p.Sha256))], keys, cancellationToken).ConfigureAwait(false);
        return [.. packages.Zip(report.Entries, Row)];
    }

    private static VerificationRow Row(Core.Lockfiles.LockEntry entry, EntryProof proof) => proof.Status switch
    {
        ProofStatus.Verified => new VerificationRow(entry, ProvenanceCheck.Name, VerificationStatus.Verified,
            $"signed by {proof.Signer!.Uid} ({proof.Signer.Fingerprint}), {proof.Suite} of {Format(proof.ReleaseDate)}")
        {
            Details =
            [
                new("fingerprint", proof.Signer.Fingerprint), new("uid", proof.Signer.Uid), new("suite", proof.Suite!),
                new("date", Format(proof.ReleaseDate)), new("signed", GpgStatus.Format(proof.Signer.SignedAt)), new("index", proof.Index!),
            ],
        },
        ProofStatus.Unproven => new VerificationRow(entry, ProvenanceCheck.Name, VerificationStatus.Unproven, proof.Reason ?? "no chain"),
        _ => new VerificationRow(entry, ProvenanceCheck.Name, VerificationStatus.Failed, $"{Link(proof.BrokenLink)} link broken: {proof.Reason}")
        {
            Details = [new("link", Link(proof.BrokenLink)), new("reason", proof.Reason ?? ""), .. proof.Index is { } i ? [new KeyValuePair<string, string>("index", i)] : Array.Empty<KeyValuePair<string, string>>()],
        },
    };

    private static string Link(ChainLink? link) => link switch
    {
        ChainLink.Signature => "signature",
        ChainLink.Index => "index",
        _ => "entry",
    };

    private static string Format(DateTimeOffset? date) => date is { } d ? GpgStatus.Format(d) : "(no Date)";
}
