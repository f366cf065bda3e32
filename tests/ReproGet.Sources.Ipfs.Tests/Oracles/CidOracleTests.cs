using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.Tests.Support;
using ReproGet.Sources.Ipfs.Tests.Vectors;
using ReproGet.Sources.Ipfs.UnixFs;
using ReproGet.TestKit;

namespace ReproGet.Sources.Ipfs.Tests.Oracles;

/// <summary>Our CIDs against two independent implementations, on inputs around every chunk and link boundary.</summary>
[Trait("Category", "Integration")]
public sealed class CidOracleTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public static TheoryData<string, long> Inputs() => new()
    {
        { "zeros", 0 },
        { "chacha", 1 },
        { "chacha", 262_143 },
        { "chacha", 262_144 },
        { "chacha", 262_145 },
        { "chacha", 3_000_000 },
        { "zeros", 45_613_056 },   // 174 chunks: one full root
        { "chacha", 45_613_057 },  // 175 chunks: the tree grows a level
    };

    /// <summary>
    /// ipfs_cid's "CIDv1" is the CIDv0 root re-encoded (what <c>ipfs cid base32</c> prints), not an
    /// <c>ipfs add --cid-version 1 --raw-leaves=false</c> DAG: for one chunk the two agree, for more they differ.
    /// </summary>
    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Debian_ipfs_cid_agrees_on_CIDv0_and_its_base32_form(string kind, long size)
    {
        var file = Write(kind, size);

        var (v0, v1) = await CidOracles.IpfsCidAsync(file);

        var ours = await Compute(file, UnixFsImportOptions.KuboDefault);
        Assert.Equal(v0, ours.ToString());
        Assert.Equal(v1, ours.ToV1().ToString());
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Npm_ipfs_only_hash_agrees_on_raw_leaf_CIDv1_and_CIDv0(string kind, long size)
    {
        var file = Write(kind, size);
        var nodeDirectory = await NodeDirectoryAsync();

        var v1 = await CidOracles.OnlyHashAsync(nodeDirectory, file, 1, rawLeaves: true);
        var v0 = await CidOracles.OnlyHashAsync(nodeDirectory, file, 0, rawLeaves: false);

        Assert.Equal(v1, (await Compute(file, UnixFsImportOptions.KuboCidV1)).ToString());
        Assert.Equal(v0, (await Compute(file, UnixFsImportOptions.KuboDefault)).ToString());
    }

    public void Dispose() => _directory.Dispose();

    private static Task<Cid> Compute(string file, UnixFsImportOptions options) =>
        UnixFsImporter.ComputeFileAsync(file, options, sink: null, CancellationToken.None);

    private string Write(string kind, long size)
    {
        var path = _directory.Combine($"{kind}-{size}.bin");
        using var output = File.Create(path);
        using Stream input = kind == "zeros" ? new ZeroStream(size) : new ChaCha20Stream("oracle", size);
        input.CopyTo(output);
        return path;
    }

    private static async Task<string> NodeDirectoryAsync()
    {
        var info = new System.Diagnostics.ProcessStartInfo(IpfsNode.Script, "dir") { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(info)!;
        var directory = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        return directory;
    }
}
