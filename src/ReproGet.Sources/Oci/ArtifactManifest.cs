using System.Text.Encodings.Web;
using System.Text.Json;
using ReproGet.Core.Hashing;
using ReproGet.Core.Operations.Pushing;

namespace ReproGet.Sources.Oci;

/// <summary>
/// The OCI image manifest of an artifact, shaped as <c>oras push</c> writes it (compact, same key order): the empty
/// config, one <c>…layer.v1.tar</c> layer per file titled with its name, and the given annotations.
/// </summary>
public static class ArtifactManifest
{
    /// <summary>The empty config's bytes, <c>{}</c>; its digest is <c>sha256:44136fa3…</c>.</summary>
    public static ReadOnlyMemory<byte> EmptyConfig { get; } = "{}"u8.ToArray();

    public static Sha256Digest EmptyConfigDigest { get; } = Sha256Hasher.HashBytes(EmptyConfig.Span);

    // Go's encoder (oras) leaves '+' alone; the default .NET encoder would write "libstdc\u002B\u002B6".
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(string artifactType, IEnumerable<ArtifactFile> files,
        IEnumerable<KeyValuePair<string, string>> annotations)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", 2);
            writer.WriteString("mediaType", OciMediaTypes.ImageManifest);
            writer.WriteString("artifactType", artifactType);
            writer.WriteStartObject("config");
            writer.WriteString("mediaType", OciMediaTypes.Empty);
            writer.WriteString("digest", EmptyConfigDigest.Prefixed);
            writer.WriteNumber("size", EmptyConfig.Length);
            writer.WriteString("data", Convert.ToBase64String(EmptyConfig.Span));
            writer.WriteEndObject();
            writer.WriteStartArray("layers");
            foreach (var file in files)
            {
                writer.WriteStartObject();
                writer.WriteString("mediaType", OciMediaTypes.FileLayer);
                writer.WriteString("digest", file.Digest);
                writer.WriteNumber("size", file.Size);
                writer.WriteStartObject("annotations");
                writer.WriteString(OciMediaTypes.TitleAnnotation, file.Title);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            var list = annotations.ToList();
            if (list.Count > 0)
            {
                writer.WriteStartObject("annotations");
                foreach (var (key, value) in list)
                {
                    writer.WriteString(key, value);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
