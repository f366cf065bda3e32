using System.Text.Json;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;

namespace ReproGet.Core.Attestations;

/// <summary>
/// An in-toto v0.9 link metablock as rebuilderd publishes it: <c>{"signatures":[{"keyid","sig"}],"signed":{"_type":"link",
/// "name","materials","products":{"FILE":{"sha256":…}},…}}</c>. Each signature is Ed25519 (hex) over the canonical
/// JSON of <c>signed</c>; instances co-sign with a worker key, so one good signature by the pinned key is enough.
/// </summary>
public sealed class InTotoLink
{
    private readonly byte[] _signedBytes;
    private readonly IReadOnlyList<byte[]> _signatures;

    private InTotoLink(string name, IReadOnlyDictionary<string, Sha256Digest> products, byte[] signedBytes, IReadOnlyList<byte[]> signatures)
    {
        Name = name;
        Products = products;
        _signedBytes = signedBytes;
        _signatures = signatures;
    }

    /// <summary>The step name, e.g. <c>rebuild hello_2.10-2_amd64.deb</c>.</summary>
    public string Name { get; }

    /// <summary>Every product with a sha256, by file name.</summary>
    public IReadOnlyDictionary<string, Sha256Digest> Products { get; }

    public int SignatureCount => _signatures.Count;

    /// <summary>Parses the metablock; throws a <see cref="ReproGetException"/> naming <paramref name="source"/> if it is not one.</summary>
    public static InTotoLink Parse(ReadOnlySpan<byte> json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            var signed = root.GetProperty("signed");
            if (signed.ValueKind != JsonValueKind.Object
                || !signed.TryGetProperty("_type", out var type) || type.GetString() != "link")
            {
                throw new ReproGetException($"{source}: not an in-toto link (\"signed\"._type is not \"link\")");
            }
            var signatures = new List<byte[]>();
            foreach (var signature in root.GetProperty("signatures").EnumerateArray())
            {
                if (signature.TryGetProperty("sig", out var sig) && sig.ValueKind == JsonValueKind.String
                    && TryHex(sig.GetString()!, out var bytes))
                {
                    signatures.Add(bytes);
                }
            }
            var products = new Dictionary<string, Sha256Digest>(StringComparer.Ordinal);
            if (signed.TryGetProperty("products", out var productList) && productList.ValueKind == JsonValueKind.Object)
            {
                foreach (var product in productList.EnumerateObject())
                {
                    if (product.Value.ValueKind == JsonValueKind.Object
                        && product.Value.TryGetProperty("sha256", out var hash)
                        && Sha256Digest.TryParse(hash.GetString(), out var digest))
                    {
                        products[product.Name] = digest.Value;
                    }
                }
            }
            var name = signed.TryGetProperty("name", out var step) && step.ValueKind == JsonValueKind.String ? step.GetString()! : "";
            return new InTotoLink(name, products, CanonicalJson.Encode(signed), signatures);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ReproGetException($"{source}: not an in-toto link metablock: {e.Message}", inner: e);
        }
    }

    /// <summary>True when at least one signature is by <paramref name="key"/> over the canonical <c>signed</c>.</summary>
    public bool IsSignedBy(Ed25519PublicKey key) => _signatures.Any(sig => key.Verify(_signedBytes, sig));

    /// <summary>True when <paramref name="sha256"/> is among the products.</summary>
    public bool Attests(Sha256Digest sha256) => Products.Values.Contains(sha256);

    private static bool TryHex(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
