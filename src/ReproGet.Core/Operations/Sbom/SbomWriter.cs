using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;

namespace ReproGet.Core.Operations.Sbom;

/// <summary>
/// <c>sbom</c>: the locked files as a CycloneDX 1.6 or SPDX 2.3 JSON document, each entry a component with its purl
/// (the same mapping as attestations) and its SHA-256. Deterministic: the serial number and document namespace derive
/// from the entries, the timestamp from the lock's epoch (SOURCE_DATE_EPOCH or the lockfile's mtime).
/// </summary>
public static class SbomWriter
{
    public sealed record Request(IReadOnlyList<LockEntry> Entries, string ToolVersion, DateTimeOffset Timestamp,
        string DocumentName, string? DistroNamespace = null);

    public static byte[] Write(SbomFormat format, Request request) => format switch
    {
        SbomFormat.CycloneDx => CycloneDx(request),
        SbomFormat.Spdx => Spdx(request),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static byte[] CycloneDx(Request request)
    {
        return Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("bomFormat", "CycloneDX");
            writer.WriteString("specVersion", "1.6");
            writer.WriteString("serialNumber", "urn:uuid:" + DeterministicUuid(request.Entries));
            writer.WriteNumber("version", 1);
            writer.WriteStartObject("metadata");
            writer.WriteString("timestamp", Timestamp(request.Timestamp));
            writer.WriteStartObject("tools");
            writer.WriteStartArray("components");
            writer.WriteStartObject();
            writer.WriteString("type", "application");
            writer.WriteString("name", "repro-get");
            writer.WriteString("version", request.ToolVersion);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("component");
            writer.WriteString("type", "container");
            writer.WriteString("bom-ref", "lock");
            writer.WriteString("name", request.DocumentName);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("components");
            foreach (var entry in request.Entries)
            {
                writer.WriteStartObject();
                writer.WriteString("type", entry.Package is null ? "file" : "library");
                // bom-ref must be unique: the lock name is (the purl of two arches' "all" packages may not be).
                writer.WriteString("bom-ref", entry.Name);
                writer.WriteString("name", entry.Package?.Package ?? entry.Name);
                if (entry.Package is { } package)
                {
                    writer.WriteString("version", package.FullVersion.Replace("%3a", ":", StringComparison.OrdinalIgnoreCase));
                }
                writer.WriteStartArray("hashes");
                writer.WriteStartObject();
                writer.WriteString("alg", "SHA-256");
                writer.WriteString("content", entry.Sha256.Hex);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteString("purl", PackageUrl.For(entry, request.DistroNamespace));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static byte[] Spdx(Request request)
    {
        return Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("spdxVersion", "SPDX-2.3");
            writer.WriteString("dataLicense", "CC0-1.0");
            writer.WriteString("SPDXID", "SPDXRef-DOCUMENT");
            writer.WriteString("name", request.DocumentName);
            writer.WriteString("documentNamespace", "urn:repro-get:sbom:" + DeterministicUuid(request.Entries));
            writer.WriteStartObject("creationInfo");
            writer.WriteString("created", Timestamp(request.Timestamp));
            writer.WriteStartArray("creators");
            writer.WriteStringValue("Tool: repro-get-" + request.ToolVersion);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartArray("packages");
            for (var i = 0; i < request.Entries.Count; i++)
            {
                var entry = request.Entries[i];
                writer.WriteStartObject();
                writer.WriteString("name", entry.Package?.Package ?? entry.Name);
                writer.WriteString("SPDXID", SpdxId(i));
                if (entry.Package is { } package)
                {
                    writer.WriteString("versionInfo", package.FullVersion.Replace("%3a", ":", StringComparison.OrdinalIgnoreCase));
                }
                writer.WriteString("packageFileName", entry.Name);
                writer.WriteString("downloadLocation", "NOASSERTION");
                writer.WriteBoolean("filesAnalyzed", false);
                writer.WriteStartArray("checksums");
                writer.WriteStartObject();
                writer.WriteString("algorithm", "SHA256");
                writer.WriteString("checksumValue", entry.Sha256.Hex);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteStartArray("externalRefs");
                writer.WriteStartObject();
                writer.WriteString("referenceCategory", "PACKAGE-MANAGER");
                writer.WriteString("referenceType", "purl");
                writer.WriteString("referenceLocator", PackageUrl.For(entry, request.DistroNamespace));
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("relationships");
            for (var i = 0; i < request.Entries.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("spdxElementId", "SPDXRef-DOCUMENT");
                writer.WriteString("relationshipType", "DESCRIBES");
                writer.WriteString("relatedSpdxElement", SpdxId(i));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static string SpdxId(int index) => "SPDXRef-Package-" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>A UUID (version 8, RFC 9562) from the sha256 of the entries, so the same lock gives the same document.</summary>
    private static string DeterministicUuid(IReadOnlyList<LockEntry> entries)
    {
        var text = string.Concat(entries.Select(e => $"{e.Sha256.Hex}  {e.Name}\n"));
        var hash = Convert.FromHexString(Sha256Hasher.HashBytes(System.Text.Encoding.UTF8.GetBytes(text)).Hex)[..16];
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            body(writer);
        }
        return [.. buffer.WrittenSpan, (byte)'\n'];
    }
}
