using System.Buffers;
using System.Text;
using System.Text.Json;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Attestations;

/// <summary>
/// A DSSE envelope (github.com/secure-systems-lab/dsse, v1): the payload, its type, and signatures over
/// PAE(type, payload) = "DSSEv1" SP LEN(type) SP type SP LEN(payload) SP payload.
/// </summary>
public sealed record DsseEnvelope(string PayloadType, byte[] Payload, IReadOnlyList<DsseSignature> Signatures)
{
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    public static byte[] PreAuthenticationEncoding(string payloadType, ReadOnlySpan<byte> payload)
    {
        var type = Encoding.UTF8.GetBytes(payloadType);
        var header = Encoding.ASCII.GetBytes($"DSSEv1 {type.Length} ");
        var middle = Encoding.ASCII.GetBytes($" {payload.Length} ");
        return [.. header, .. type, .. middle, .. payload];
    }

    public static DsseEnvelope Sign(string payloadType, byte[] payload, Ed25519PrivateKey key) =>
        new(payloadType, payload, [new DsseSignature(key.PublicKey.KeyId, key.Sign(PreAuthenticationEncoding(payloadType, payload)))]);

    /// <summary>True when some signature verifies with <paramref name="key"/> (key ids are hints only, so they are not trusted).</summary>
    public bool IsSignedBy(Ed25519PublicKey key)
    {
        var pae = PreAuthenticationEncoding(PayloadType, Payload);
        return Signatures.Any(s => key.Verify(pae, s.Signature));
    }

    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteString("payloadType", PayloadType);
            writer.WriteString("payload", Convert.ToBase64String(Payload));
            writer.WriteStartArray("signatures");
            foreach (var signature in Signatures)
            {
                writer.WriteStartObject();
                writer.WriteString("keyid", signature.KeyId);
                writer.WriteString("sig", Convert.ToBase64String(signature.Signature));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    public static DsseEnvelope Parse(ReadOnlySpan<byte> json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            var signatures = root.GetProperty("signatures").EnumerateArray()
                .Select(s => new DsseSignature(s.TryGetProperty("keyid", out var id) ? id.GetString() ?? "" : "",
                    Convert.FromBase64String(s.GetProperty("sig").GetString()!)))
                .ToList();
            return new DsseEnvelope(root.GetProperty("payloadType").GetString()!,
                Convert.FromBase64String(root.GetProperty("payload").GetString()!), signatures);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ReproGetException($"{source}: not a DSSE envelope: {e.Message}",
                "pass the JSON that `repro-get attest build` printed");
        }
    }
}
