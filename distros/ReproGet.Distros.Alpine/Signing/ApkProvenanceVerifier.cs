using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Verify;
using ReproGet.Distros.Alpine.Configuration;
using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Signing;

/// <summary>
/// <c>verify</c> for Alpine: each cached <c>.apk</c>'s <c>.SIGN.RSA*</c> signature against the root's
/// <c>/etc/apk/keys</c> (or the folder given with <c>--keyring</c>), and its data against the signed control data,
/// exactly as install checks them. One row per package.
/// </summary>
internal sealed class ApkProvenanceVerifier(IDistro distro) : IProvenanceVerifier
{
    public IReadOnlyList<LockEntry> Needed(IDistro _, IReadOnlyList<LockEntry> entries) =>
        [.. entries.Where(e => distro.Classify(e) == EntryRole.Package)];

    public async Task<IReadOnlyList<VerificationRow>> VerifyAsync(DistroContext context, ProvenanceRequest request, CancellationToken cancellationToken)
    {
        var directory = request.Keyrings.Count > 0 ? Path.GetFullPath(request.Keyrings[0]) : new AlpineRoot(context).KeysDirectory;
        using var keyring = ApkKeyring.Load(directory);
        var rows = new List<VerificationRow>();
        foreach (var entry in Needed(distro, request.Entries))
        {
            rows.Add(await CheckAsync(keyring, entry, request.BlobPath(entry.Sha256), cancellationToken).ConfigureAwait(false));
        }
        return rows;
    }

    private static async Task<VerificationRow> CheckAsync(ApkKeyring keyring, LockEntry entry, string blob, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(blob);
            var package = await ApkPackageReader.ReadAsync(stream, entry.Name, cancellationToken).ConfigureAwait(false);
            keyring.VerifyPackage(package, entry.Name);
            var keys = string.Join(", ", package.Signatures.Select(s => s.KeyName).Where(keyring.KeyNames.Contains));
            return new VerificationRow(entry, ProvenanceCheck.Name, VerificationStatus.Verified, $"signed by {keys}")
            {
                Details = [new("key", keys), new("keys", keyring.Directory)],
            };
        }
        catch (ReproGetException e)
        {
            return new VerificationRow(entry, ProvenanceCheck.Name, VerificationStatus.Failed, $"signature link broken: {e.Message}")
            {
                Details = [new("link", "signature"), new("reason", e.Message)],
            };
        }
    }
}
