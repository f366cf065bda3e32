using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Attestations;

/// <summary>An Ed25519 signing key, stored as PEM PKCS#8 "PRIVATE KEY" (RFC 8410), as OpenSSL writes it.</summary>
public sealed class Ed25519PrivateKey
{
    private readonly Ed25519PrivateKeyParameters _key;

    private Ed25519PrivateKey(Ed25519PrivateKeyParameters key)
    {
        _key = key;
        PublicKey = new Ed25519PublicKey(key.GeneratePublicKey().GetEncoded());
    }

    public Ed25519PublicKey PublicKey { get; }

    public static Ed25519PrivateKey Generate() => new(new Ed25519PrivateKeyParameters(new SecureRandom()));

    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _key);
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    public string ToPem()
    {
        var seed = new AsnWriter(AsnEncodingRules.DER);
        seed.WriteOctetString(_key.GetEncoded());
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Ed25519PublicKey.Oid);
            }
            writer.WriteOctetString(seed.Encode());
        }
        return PemEncoding.WriteString("PRIVATE KEY", writer.Encode()) + "\n";
    }

    public static Ed25519PrivateKey FromFile(string path)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReproGetException($"cannot read the key \"{path}\": {e.Message}", inner: e);
        }
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] != "PRIVATE KEY")
        {
            throw new ReproGetException($"key \"{path}\": no PEM \"PRIVATE KEY\" block",
                "make one with: repro-get attest keygen PREFIX (then pass --key PREFIX.key)");
        }
        try
        {
            var reader = new AsnReader(Convert.FromBase64String(pem[fields.Base64Data]), AsnEncodingRules.BER);
            var info = reader.ReadSequence();
            info.ReadInteger();
            var algorithm = info.ReadSequence();
            var oid = algorithm.ReadObjectIdentifier();
            if (oid != Ed25519PublicKey.Oid)
            {
                throw new ReproGetException($"key \"{path}\" is not an Ed25519 key (algorithm {oid})");
            }
            var seed = new AsnReader(info.ReadOctetString(), AsnEncodingRules.BER).ReadOctetString();
            if (seed.Length != 32)
            {
                throw new ReproGetException($"key \"{path}\": an Ed25519 private key has 32 bytes, not {seed.Length}");
            }
            return new Ed25519PrivateKey(new Ed25519PrivateKeyParameters(seed, 0));
        }
        catch (AsnContentException e)
        {
            throw new ReproGetException($"key \"{path}\": malformed PKCS#8: {e.Message}", inner: e);
        }
    }
}
