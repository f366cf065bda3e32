using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Attestations;

/// <summary>
/// A pinned Ed25519 public key, read from PEM SubjectPublicKeyInfo as rebuilderd publishes it. Verification is
/// managed (BouncyCastle): no libssl is needed, so it works in a bare root.
/// </summary>
public sealed class Ed25519PublicKey
{
    /// <summary>id-Ed25519 (RFC 8410).</summary>
    public const string Oid = "1.3.101.112";

    private readonly Ed25519PublicKeyParameters _key;

    public Ed25519PublicKey(ReadOnlySpan<byte> raw)
    {
        if (raw.Length != 32)
        {
            throw new ReproGetException($"an Ed25519 public key has 32 bytes, not {raw.Length}");
        }
        Raw = raw.ToArray();
        _key = new Ed25519PublicKeyParameters(Raw, 0);
    }

    /// <summary>The 32 key bytes.</summary>
    public byte[] Raw { get; }

    /// <summary>The DER SubjectPublicKeyInfo, written canonically (no parameters, RFC 8410).</summary>
    public byte[] SubjectPublicKeyInfo
    {
        get
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Oid);
                }
                writer.WriteBitString(Raw);
            }
            return writer.Encode();
        }
    }

    /// <summary>sha256 of the canonical SubjectPublicKeyInfo, in hex: the key id our DSSE signatures carry.</summary>
    public string KeyId => Convert.ToHexStringLower(SHA256.HashData(SubjectPublicKeyInfo));

    public string ToPem() => PemEncoding.WriteString("PUBLIC KEY", SubjectPublicKeyInfo) + "\n";

    /// <summary>
    /// Reads a PEM "PUBLIC KEY". The AlgorithmIdentifier's parameters are tolerated when present: rebuilderd's
    /// published keys carry an explicit NULL there, which RFC 8410 forbids and OpenSSL's loader refuses.
    /// </summary>
    public static Ed25519PublicKey FromPem(string pem, string source)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] != "PUBLIC KEY")
        {
            throw new ReproGetException($"{source}: no PEM \"PUBLIC KEY\" block",
                "pin the key as rebuilderd publishes it (repro-get rebuilder keys URL shows it)");
        }
        return FromSubjectPublicKeyInfo(Convert.FromBase64String(pem[fields.Base64Data]), source);
    }

    public static Ed25519PublicKey FromFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReproGetException($"cannot read the key \"{path}\": {e.Message}", inner: e);
        }
        return FromPem(text, $"key \"{path}\"");
    }

    public static Ed25519PublicKey FromSubjectPublicKeyInfo(byte[] der, string source)
    {
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.BER);
            var spki = reader.ReadSequence();
            var algorithm = spki.ReadSequence();
            var oid = algorithm.ReadObjectIdentifier();
            if (algorithm.HasData)
            {
                algorithm.ReadNull();
            }
            var raw = spki.ReadBitString(out var unused);
            if (algorithm.HasData || spki.HasData || reader.HasData)
            {
                throw new AsnContentException("trailing data");
            }
            if (oid != Oid || unused != 0)
            {
                throw new ReproGetException($"{source} is not an Ed25519 key (algorithm {oid})",
                    "rebuilders and attestations use Ed25519 keys");
            }
            return new Ed25519PublicKey(raw);
        }
        catch (AsnContentException e)
        {
            throw new ReproGetException($"{source}: malformed SubjectPublicKeyInfo: {e.Message}", inner: e);
        }
    }

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64)
        {
            return false;
        }
        var verifier = new Ed25519Signer();
        verifier.Init(false, _key);
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature.ToArray());
    }

    public override bool Equals(object? obj) => obj is Ed25519PublicKey other && Raw.AsSpan().SequenceEqual(other.Raw);

    public override int GetHashCode() => BitConverter.ToInt32(Raw, 0);
}
