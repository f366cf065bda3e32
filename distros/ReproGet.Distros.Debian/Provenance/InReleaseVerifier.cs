using ReproGet.Core.Processes;
using ReproGet.Formats.OpenPgp;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// The first link of the chain: an <c>InRelease</c> file's OpenPGP signature, checked with <c>gpgv</c> (present
/// wherever apt is) against <see cref="TrustedKeys"/>, as of a given time. Only the text gpgv says is signed is
/// parsed into the returned <see cref="ReleaseFile"/>; anything around the clear-signed block is ignored.
/// </summary>
public static class InReleaseVerifier
{
    public const string Tool = "gpgv";

    /// <summary>
    /// Checks <paramref name="inReleasePath"/>. <paramref name="asOf"/> null judges each signature as of its own
    /// creation time (keys that expired since still count; signatures from the future do not).
    /// </summary>
    public static async Task<SignatureCheck> VerifyAsync(string inReleasePath, TrustedKeys keys, DateTimeOffset? asOf,
        CancellationToken cancellationToken, TimeProvider? time = null)
    {
        if (keys.Files.Count == 0)
        {
            return SignatureCheck.Failed($"no keyring to check the signature against ({TrustedKeys.ArchiveKeyring} is missing)");
        }
        using var keyrings = new GpgKeyrings(keys.Files);
        var signedText = Path.Combine(keyrings.HomeDirectory, "signed-text");
        var result = await ProcessRunner.RunAsync(Tool,
            ["--homedir", keyrings.HomeDirectory, "--status-fd", "1", "--output", signedText, .. keyrings.Arguments(), "--", inReleasePath],
            cancellationToken, throwOnFailure: false).ConfigureAwait(false);
        var (signer, failure) = GpgStatus.Parse(result.StandardOutput).Judge(asOf, (time ?? TimeProvider.System).GetUtcNow());
        if (signer is null)
        {
            return SignatureCheck.Failed(failure ?? "gpgv accepted no signature");
        }
        if (!File.Exists(signedText))
        {
            return SignatureCheck.Failed("gpgv returned no signed text (is it a clear-signed InRelease?)");
        }
        var release = ReleaseFile.Parse(await File.ReadAllBytesAsync(signedText, cancellationToken).ConfigureAwait(false), inReleasePath);
        return SignatureCheck.Valid(release, new ReleaseSigner(signer.Fingerprint, signer.Uid, signer.SignedAt));
    }
}
