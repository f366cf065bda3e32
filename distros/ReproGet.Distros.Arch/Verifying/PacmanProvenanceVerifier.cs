using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Verify;
using ReproGet.Formats.OpenPgp;

namespace ReproGet.Distros.Arch.Verifying;

/// <summary>
/// <c>verify</c> for Arch: each locked package's detached signature (its <c>….sig</c> line, which <c>hash generate</c>
/// takes from the sync database's <c>%PGPSIG%</c> into the cache) checked offline against <see cref="PacmanKeyring"/>.
/// One row per package: verified (fingerprint, uid, signature time), unproven (the lock has no <c>.sig</c> line for
/// it), or failed (the signature link, and gpg's reason: unknown key, bad signature, untrusted key).
/// </summary>
internal sealed class PacmanProvenanceVerifier(IDistro distro) : IProvenanceVerifier
{
    // PacmanInstaller runs `pacman-key --verify` on every package it installs before the one transaction.
    public bool CheckedByInstaller => true;

    public async Task<IReadOnlyList<VerificationRow>> VerifyAsync(DistroContext context, ProvenanceRequest request, CancellationToken cancellationToken)
    {
        var signatures = request.Entries.Where(e => distro.Classify(e) == EntryRole.Auxiliary)
            .GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var packages = request.Entries.Where(e => distro.Classify(e) == EntryRole.Package).ToList();
        if (packages.Count == 0)
        {
            return [];
        }
        using var keyring = PacmanKeyring.Open(context, request.Keyrings);
        var rows = new List<VerificationRow>();
        foreach (var package in packages)
        {
            if (!signatures.TryGetValue(package.Name + ArchPackageFile.SignatureSuffix, out var signature))
            {
                rows.Add(new VerificationRow(package, ProvenanceCheck.Name, VerificationStatus.Unproven,
                    $"the lock has no {package.Basename}{ArchPackageFile.SignatureSuffix} line"));
                continue;
            }
            var (signer, failure) = await keyring.VerifyAsync(request.BlobPath(signature.Sha256), request.BlobPath(package.Sha256), cancellationToken)
                .ConfigureAwait(false);
            rows.Add(signer is null
                ? new VerificationRow(package, ProvenanceCheck.Name, VerificationStatus.Failed, $"signature link broken: {failure}")
                {
                    Details = [new("link", "signature"), new("reason", failure ?? ""), new("signature", signature.Name), new("keyring", keyring.Description)],
                }
                : new VerificationRow(package, ProvenanceCheck.Name, VerificationStatus.Verified,
                    $"signed by {signer.Uid} ({signer.Fingerprint}) on {GpgStatus.Format(signer.SignedAt)}")
                {
                    Details =
                    [
                        new("fingerprint", signer.Fingerprint), new("uid", signer.Uid), new("signed", GpgStatus.Format(signer.SignedAt)),
                        new("signature", signature.Name), new("keyring", keyring.Description),
                    ],
                });
        }
        return rows;
    }
}
