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
        CancellationToken cancellationToken, TimeProvider? time = null) =>
        keys.Files.Count == 0
            ? NoKeyring()
            : (await VerifyCoreAsync(inReleasePath, null, KeyringSnapshot.Read(keys), asOf, cancellationToken, time).ConfigureAwait(false)).Check;

    /// <summary>
    /// Checks exactly <paramref name="inRelease"/> (bytes the caller already hashed), named <paramref name="source"/>
    /// in messages; also returns the text gpgv said is signed, when it accepted a signature.
    /// </summary>
    internal static async Task<(SignatureCheck Check, byte[]? SignedText)> VerifyBytesAsync(byte[] inRelease, string source, KeyringSnapshot keys,
        DateTimeOffset? asOf, CancellationToken cancellationToken, TimeProvider? time = null) =>
        keys.Files.Count == 0
            ? (NoKeyring(), null)
            : await VerifyCoreAsync(source, inRelease, keys, asOf, cancellationToken, time).ConfigureAwait(false);

    private static SignatureCheck NoKeyring() =>
        SignatureCheck.Failed($"no keyring to check the signature against ({TrustedKeys.ArchiveKeyring} is missing)");

    private static async Task<(SignatureCheck Check, byte[]? SignedText)> VerifyCoreAsync(string inReleasePath, byte[]? bytes, KeyringSnapshot keys,
        DateTimeOffset? asOf, CancellationToken cancellationToken, TimeProvider? time)
    {
        using var keyrings = new GpgKeyrings(keys.Files);
        var signedText = Path.Combine(keyrings.HomeDirectory, "signed-text");
        var input = inReleasePath;
        if (bytes is not null)
        {
            input = Path.Combine(keyrings.HomeDirectory, "InRelease");
            await File.WriteAllBytesAsync(input, bytes, cancellationToken).ConfigureAwait(false);
        }
        var result = await ProcessRunner.RunAsync(Tool,
            ["--homedir", keyrings.HomeDirectory, "--status-fd", "1", "--output", signedText, .. keyrings.Arguments(), "--", input],
            cancellationToken, throwOnFailure: false).ConfigureAwait(false);
        var (signer, failure) = GpgStatus.Parse(result.StandardOutput).Judge(asOf, (time ?? TimeProvider.System).GetUtcNow());
        if (signer is null)
        {
            return (SignatureCheck.Failed(failure ?? "gpgv accepted no signature"), null);
        }
        if (!File.Exists(signedText))
        {
            return (SignatureCheck.Failed("gpgv returned no signed text (is it a clear-signed InRelease?)"), null);
        }
        var text = await File.ReadAllBytesAsync(signedText, cancellationToken).ConfigureAwait(false);
        return (SignatureCheck.Valid(ReleaseFile.Parse(text, inReleasePath), new ReleaseSigner(signer.Fingerprint, signer.Uid, signer.SignedAt)), text);
    }
}
