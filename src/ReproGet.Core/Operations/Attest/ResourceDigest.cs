using System.Text.Json;
using ReproGet.Core.Hashing;

namespace ReproGet.Core.Operations.Attest;

/// <summary>A SLSA ResourceDescriptor reduced to what is compared: a name, an optional URI (a purl), and a sha256.</summary>
public sealed record ResourceDigest(string Name, string? Uri, Sha256Digest? Sha256)
{
    /// <summary>What identifies this resource when two statements are compared: its purl, else its name.</summary>
    public string Key => Uri ?? Name;

    internal void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Uri is not null)
        {
            writer.WriteString("uri", Uri);
        }
        writer.WriteString("name", Name);
        if (Sha256 is { } digest)
        {
            writer.WriteStartObject("digest");
            writer.WriteString("sha256", digest.Hex);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    internal static ResourceDigest Read(JsonElement element)
    {
        var name = element.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
        var uri = element.TryGetProperty("uri", out var u) ? u.GetString() : null;
        Sha256Digest? sha256 = element.TryGetProperty("digest", out var d) && d.TryGetProperty("sha256", out var s)
            && Sha256Digest.TryParse(s.GetString(), out var parsed) ? parsed : null;
        return new ResourceDigest(name, uri, sha256);
    }
}
