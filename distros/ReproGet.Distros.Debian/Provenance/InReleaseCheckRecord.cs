using System.Text;
using System.Text.Json;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// gpgv's accepted verdict on one InRelease, as a cache record: keyed by the SHA-256 of the exact InRelease bytes
/// and of the keyring bytes gpgv was given (<see cref="KeyringSnapshot.Digest"/>), and judged as of each
/// signature's own time (the lock's rule), so a changed InRelease or keyring never finds it. It keeps the signer and
/// the text gpgv said is signed, which is parsed again at use exactly as after a gpgv run. Only accepted verdicts
/// are kept: a refusal is always gpgv's own, from this run.
/// </summary>
internal static class InReleaseCheckRecord
{
    public const string Kind = "gpgv-inrelease-verdicts";

    public static string Key(Sha256Digest inRelease, KeyringSnapshot keys) =>
        $"gpgv accepted inrelease-sha256={inRelease.Hex} keyrings-sha256={keys.Digest.Hex} as-of=signature-time";

    public static string Write(ReleaseSigner signer, byte[] signedText)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Fingerprint", signer.Fingerprint);
            writer.WriteString("Uid", signer.Uid);
            writer.WriteNumber("SignedAt", signer.SignedAt.ToUnixTimeSeconds());
            writer.WriteBase64String("SignedText", signedText);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The verdict a record holds, or null when it is not one this class wrote.</summary>
    public static SignatureCheck? Read(string value, string source)
    {
        try
        {
            using var json = JsonDocument.Parse(value);
            var root = json.RootElement;
            var signer = new ReleaseSigner(root.GetProperty("Fingerprint").GetString()!, root.GetProperty("Uid").GetString()!,
                DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("SignedAt").GetInt64()));
            return SignatureCheck.Valid(ReleaseFile.Parse(root.GetProperty("SignedText").GetBytesFromBase64(), source), signer);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException
            or ReproGetException)
        {
            return null;
        }
    }
}
