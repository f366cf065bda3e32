using System.Text;
using System.Text.Json;
using ReproGet.Sources.Ipfs.UnixFs;
using ReproGet.TestKit;

namespace ReproGet.Sources.Ipfs.Tests.Vectors;

/// <summary>
/// One input of fixtures/ipfs/vectors.json with the CIDs Kubo gives it under each profile. The input is rebuilt
/// (UTF-8 text, a fixture file, zeros or Kubo's ChaCha20 generator) as a stream, never held whole.
/// </summary>
public sealed record IpfsVector(string Section, int Index, JsonElement Input, long Size, string Sha256,
    IReadOnlyDictionary<string, string> Expected)
{
    /// <summary>Profile keys whose hash or layout this tool does not produce (blake2b-256, sha2-512).</summary>
    public static readonly IReadOnlySet<string> UnsupportedProfiles = new HashSet<string>(StringComparer.Ordinal)
    {
        "v1_raw_blake2b256", "v1_raw_sha2_512",
    };

    private static readonly Lazy<IReadOnlyList<IpfsVector>> Loaded = new(Load);

    public static IReadOnlyList<IpfsVector> All => Loaded.Value;

    /// <summary>How each profile key of vectors.json maps to import options (v0_as_base32_v1 is the v0 CID re-encoded).</summary>
    public static UnixFsImportOptions? OptionsFor(string profile) => profile switch
    {
        "v0" or "v0_as_base32_v1" => UnixFsImportOptions.KuboDefault,
        "v1_raw" => UnixFsImportOptions.KuboCidV1,
        "v1_dagpb_leaves" => UnixFsImportOptions.KuboCidV1 with { RawLeaves = false },
        "v0_maxlinks1024" => UnixFsImportOptions.KuboDefault with { MaxLinks = 1024 },
        "v1_raw_1MiB_174links" => UnixFsImportOptions.KuboCidV1 with { ChunkSize = 1024 * 1024 },
        "v1_raw_1MiB_1024links" or "unixfs_v1_2025" => UnixFsImportOptions.UnixFsV1_2025,
        _ => null,
    };

    public string Describe() => $"{Section}[{Index}] {Input.GetRawText()}";

    public Stream Open() => Input.GetProperty("kind").GetString() switch
    {
        "utf8" => new MemoryStream(Encoding.UTF8.GetBytes(Input.GetProperty("text").GetString()!)),
        "file" => File.OpenRead(FixturePath.Get("ipfs", "debs", Path.GetFileName(Input.GetProperty("path").GetString()!))),
        "zeros" => new ZeroStream(Input.GetProperty("size").GetInt64()),
        "chacha20" => new ChaCha20Stream(Input.GetProperty("seed").GetString()!, Input.GetProperty("size").GetInt64()),
        var kind => throw new InvalidDataException($"unknown input kind {kind}"),
    };

    private static IReadOnlyList<IpfsVector> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(FixturePath.Get("ipfs", "vectors.json")));
        var vectors = new List<IpfsVector>();
        foreach (var section in new[] { "small", "files", "deterministic_large", "computed_boundary" })
        {
            var index = 0;
            foreach (var item in json.RootElement.GetProperty(section).EnumerateArray())
            {
                var expected = item.GetProperty("expected").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
                vectors.Add(new IpfsVector(section, index++, item.GetProperty("input").Clone(), item.GetProperty("size").GetInt64(),
                    item.GetProperty("sha256").GetString()!, expected));
            }
        }
        return vectors;
    }
}
