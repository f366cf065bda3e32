using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.Tests.Vectors;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Tests.UnixFs;

public sealed class UnixFsImporterVectorTests
{
    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var vector in IpfsVector.All)
        {
            foreach (var profile in vector.Expected.Keys.Where(p => !IpfsVector.UnsupportedProfiles.Contains(p)))
            {
                data.Add(vector.Section, vector.Index, profile);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Computes_the_CID_Kubo_publishes(string section, int index, string profile)
    {
        var vector = IpfsVector.All.Single(v => v.Section == section && v.Index == index);
        var options = IpfsVector.OptionsFor(profile) ?? throw new InvalidOperationException($"profile {profile} has no mapping");
        await using var input = vector.Open();

        var cid = await UnixFsImporter.ComputeAsync(input, options, sink: null, CancellationToken.None);

        var text = profile == "v0_as_base32_v1" ? cid.ToV1().ToString() : cid.ToString();
        Assert.True(vector.Expected[profile] == text, $"{vector.Describe()} {profile}: expected {vector.Expected[profile]}, got {text}");
    }

    [Fact]
    public void Every_profile_in_the_vectors_is_mapped_or_known_unsupported()
    {
        var profiles = IpfsVector.All.SelectMany(v => v.Expected.Keys).Distinct();

        var unmapped = profiles.Where(p => IpfsVector.OptionsFor(p) is null && !IpfsVector.UnsupportedProfiles.Contains(p)).ToList();

        Assert.Empty(unmapped);
    }

    [Fact]
    public async Task With_a_sink_every_block_is_emitted_once_children_first_and_the_root_last()
    {
        var sink = new RecordingSink();
        await using var input = new ChaCha20Stream("repro-get", 3_000_000);

        var cid = await UnixFsImporter.ComputeAsync(input, UnixFsImportOptions.KuboDefault, sink, CancellationToken.None);

        Assert.Equal("QmTYrxT4sLKgHrm5ABJMmTMqAdZFBLQMuSzCTeFtiUJpne", cid.ToString());
        Assert.Equal(13, sink.Blocks.Count); // 12 leaves of 256 KiB (the last shorter) and one root
        Assert.Equal(cid, sink.Blocks[^1].Cid);
        var root = DagPbNode.Decode(sink.Blocks[^1].Block, "root");
        Assert.Equal(sink.Blocks.Take(12).Select(b => b.Cid), root.Links.Select(l => l.Hash));
    }

    private sealed class RecordingSink : IBlockSink
    {
        public List<(Cid Cid, byte[] Block)> Blocks { get; } = [];

        public void Put(Cid cid, ReadOnlySpan<byte> block) => Blocks.Add((cid, block.ToArray()));
    }
}
