using ReproGet.Core.Distros;
using ReproGet.Core.Operations.Verify;
using ReproGet.Core.Processes;

namespace ReproGet.Distros.Fedora.Verifying;

/// <summary>
/// <c>verify</c> for Fedora and the RPM distros: each cached package's header signature and digests, checked by one
/// <c>rpmkeys --define '_pkgverify_level all' -Kv</c> run against <see cref="RpmKeyring"/> (the root's rpm database, or
/// the <c>--keyring</c> key files imported into a private one). One row per package: verified (key ID and the key's
/// uid), unproven (an unsigned rpm), failed (a key not in the database, a bad signature or digest).
/// </summary>
internal sealed class RpmProvenanceVerifier(IDistro distro) : IProvenanceVerifier
{
    // RpmInstaller checks every package it installs with rpmkeys before the one transaction.
    public bool CheckedByInstaller => true;

    public async Task<IReadOnlyList<VerificationRow>> VerifyAsync(DistroContext context, ProvenanceRequest request, CancellationToken cancellationToken)
    {
        var packages = request.Entries.Where(e => distro.Classify(e) == EntryRole.Package).ToList();
        if (packages.Count == 0)
        {
            return [];
        }
        using var keyring = await RpmKeyring.OpenAsync(context, request.Keyrings, cancellationToken).ConfigureAwait(false);
        var paths = packages.Select(p => request.BlobPath(p.Sha256)).Distinct(StringComparer.Ordinal).ToList();
        var result = await ProcessRunner.RunAsync("rpmkeys", [.. keyring.Arguments, "--define", "_pkgverify_level all", "-Kv", .. paths],
            cancellationToken, throwOnFailure: false).ConfigureAwait(false);
        var reports = RpmChecksigReport.Parse(result.StandardOutput, paths);
        var uids = await keyring.UidsAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<VerificationRow>();
        foreach (var package in packages)
        {
            var (verdict, why) = reports.TryGetValue(request.BlobPath(package.Sha256), out var report)
                ? report.Judge()
                : (RpmChecksigReport.Verdict.Failed, $"rpmkeys printed no report for it: {result.StandardError.Trim()}");
            rows.Add(verdict switch
            {
                RpmChecksigReport.Verdict.Verified => Verified(package, report!.KeyId!, uids, keyring.Description),
                RpmChecksigReport.Verdict.Unsigned => new VerificationRow(package, ProvenanceCheck.Name, VerificationStatus.Unproven, why),
                _ => new VerificationRow(package, ProvenanceCheck.Name, VerificationStatus.Failed, $"signature link broken: {why}")
                {
                    Details = [new("link", "signature"), new("reason", why), new("keyring", keyring.Description)],
                },
            });
        }
        return rows;
    }

    private static VerificationRow Verified(Core.Lockfiles.LockEntry package, string keyId, IReadOnlyDictionary<string, string> uids, string keyring)
    {
        var uid = uids.GetValueOrDefault(keyId.ToLowerInvariant()) ?? uids.GetValueOrDefault(keyId) ?? "";
        return new VerificationRow(package, ProvenanceCheck.Name, VerificationStatus.Verified,
            $"header signed by key ID {keyId}{(uid.Length > 0 ? $" ({uid})" : "")}")
        {
            Details = [new("keyid", keyId), new("uid", uid), new("keyring", keyring)],
        };
    }
}
