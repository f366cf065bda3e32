using System.Text;
using ReproGet.Formats.Compression;
using ReproGet.TestKit;

namespace ReproGet.Formats.Tests.Compression;

public sealed class DecompressionTests
{
    private static readonly byte[] Plain = File.ReadAllBytes(FixturePath.Get("debian", "bookworm-updates_main_binary-amd64_Packages"));

    public static TheoryData<string> Suffixes => [".gz", ".xz", ".zst", ".lz4"];

    [Theory]
    [MemberData(nameof(Suffixes))]
    public void DecodesWhatTheRealToolCompressed(string suffix)
    {
        using var temp = new TempDirectory();
        var path = temp.WriteFile("Packages" + suffix, RealTool.Compress(suffix, Plain));

        Assert.Equal(Plain, ReadAll(path));
    }

    [Theory]
    [MemberData(nameof(Suffixes))]
    public void DetectsTheCompressionByMagicWhenTheNameHasNoSuffix(string suffix)
    {
        using var temp = new TempDirectory();
        var compressed = RealTool.Compress(suffix, Plain);
        var path = temp.WriteFile("Packages", compressed);

        Assert.Equal(CompressionDetector.FromSuffix("Packages" + suffix), CompressionDetector.FromMagic(compressed));
        Assert.Equal(Plain, ReadAll(path));
    }

    [Theory]
    [MemberData(nameof(Suffixes))]
    public void DecodesConcatenatedStreams(string suffix)
    {
        using var temp = new TempDirectory();
        var second = Encoding.ASCII.GetBytes("Package: appended\n");
        var path = temp.WriteFile("Packages" + suffix, [.. RealTool.Compress(suffix, Plain), .. RealTool.Compress(suffix, second)]);

        Assert.Equal([.. Plain, .. second], ReadAll(path));
    }

    [Theory]
    [MemberData(nameof(Suffixes))]
    public void DecodesThroughOneByteReads(string suffix)
    {
        using var temp = new TempDirectory();
        var path = temp.WriteFile("Packages" + suffix, RealTool.Compress(suffix, Plain[..3000]));
        using var stream = Decompression.OpenFile(path);
        var output = new MemoryStream();
        var one = new byte[1];

        while (stream.Read(one) == 1)
        {
            output.WriteByte(one[0]);
        }

        Assert.Equal(Plain[..3000], output.ToArray());
    }

    [Theory]
    [MemberData(nameof(Suffixes))]
    public void RefusesATruncatedFile(string suffix)
    {
        using var temp = new TempDirectory();
        var compressed = RealTool.Compress(suffix, Plain);
        var path = temp.WriteFile("Packages" + suffix, compressed[..(compressed.Length - 7)]);

        var error = Assert.Throws<CompressedDataException>(() => ReadAll(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Suffixes))]
    public void RefusesCorruptData(string suffix)
    {
        using var temp = new TempDirectory();
        var compressed = RealTool.Compress(suffix, Plain);
        compressed[compressed.Length / 2] ^= 0x55;
        var path = temp.WriteFile("Packages" + suffix, compressed);

        var error = Assert.Throws<CompressedDataException>(() => ReadAll(path));

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAFileWhoseNamePromisesACompressionItDoesNotHave()
    {
        using var temp = new TempDirectory();
        var path = temp.WriteFile("Packages.xz", Plain);

        var error = Assert.Throws<CompressedDataException>(() => Decompression.OpenFile(path));

        Assert.Contains("the name says xz but the contents start with no known compression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsAPlainFileAsIs()
    {
        Assert.Equal(Plain, ReadAll(FixturePath.Get("debian", "bookworm-updates_main_binary-amd64_Packages")));
    }

    private static byte[] ReadAll(string path)
    {
        using var stream = Decompression.OpenFile(path);
        var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
