using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ReproGet.Core.Hashing;

namespace ReproGet.Core.Operations.Attest;

/// <summary>
/// An in-toto Statement v1 with a SLSA Provenance v1 predicate: the outputs (<c>subject</c>) and every locked input
/// (<c>buildDefinition.resolvedDependencies</c>), so N workers can compare what they built from what.
/// </summary>
public sealed record ProvenanceStatement(
    IReadOnlyList<ResourceDigest> Subjects,
    IReadOnlyList<ResourceDigest> ResolvedDependencies,
    IReadOnlyList<string> Lockfiles,
    string BuilderId,
    DateTimeOffset StartedOn,
    DateTimeOffset FinishedOn)
{
    public const string StatementType = "https://in-toto.io/Statement/v1";
    public const string PredicateType = "https://slsa.dev/provenance/v1";
    public const string BuildType = "https://github.com/reproducible-containers/repro-get/attest/locked-packages/v1";

    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteString("_type", StatementType);
            writer.WriteStartArray("subject");
            foreach (var subject in Subjects)
            {
                subject.Write(writer);
            }
            writer.WriteEndArray();
            writer.WriteString("predicateType", PredicateType);
            writer.WriteStartObject("predicate");
            writer.WriteStartObject("buildDefinition");
            writer.WriteString("buildType", BuildType);
            writer.WriteStartObject("externalParameters");
            writer.WriteStartArray("lockfiles");
            foreach (var lockfile in Lockfiles)
            {
                writer.WriteStringValue(lockfile);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartArray("resolvedDependencies");
            foreach (var dependency in ResolvedDependencies)
            {
                dependency.Write(writer);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("runDetails");
            writer.WriteStartObject("builder");
            writer.WriteString("id", BuilderId);
            writer.WriteEndObject();
            writer.WriteStartObject("metadata");
            writer.WriteString("startedOn", Timestamp(StartedOn));
            writer.WriteString("finishedOn", Timestamp(FinishedOn));
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a statement this tool (or another SLSA v1 producer) wrote; only the fields compared are required.</summary>
    public static ProvenanceStatement Parse(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (root.GetProperty("_type").GetString() != StatementType)
        {
            throw new JsonException($"_type is not {StatementType}");
        }
        var subjects = root.GetProperty("subject").EnumerateArray().Select(ResourceDigest.Read).ToList();
        var dependencies = new List<ResourceDigest>();
        var builder = "";
        if (root.TryGetProperty("predicate", out var predicate))
        {
            if (predicate.TryGetProperty("buildDefinition", out var definition)
                && definition.TryGetProperty("resolvedDependencies", out var resolved))
            {
                dependencies.AddRange(resolved.EnumerateArray().Select(ResourceDigest.Read));
            }
            if (predicate.TryGetProperty("runDetails", out var run) && run.TryGetProperty("builder", out var b)
                && b.TryGetProperty("id", out var id))
            {
                builder = id.GetString() ?? "";
            }
        }
        return new ProvenanceStatement(subjects, dependencies, [], builder, default, default);
    }

    private static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
