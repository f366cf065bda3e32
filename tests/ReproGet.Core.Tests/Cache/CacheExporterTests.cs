using ReproGet.Core.Cache;
using static ReproGet.Core.Tests.Cache.CacheFixture;

namespace ReproGet.Core.Tests.Cache;

/// <summary><c>cache export</c>: original base names, UNKNOWN- fallback, never overwriting or escaping the directory.</summary>
public sealed class CacheExporterTests
{
    [Fact]
    public async Task BlobsAreCopiedOutUnderTheirBasenames()
    {
        using var fixture = new CacheFixture();
        var digest = await fixture.AddAsync(Bytes("hello"), "hello_2.10-2_amd64.deb");
        var target = fixture.Directory.Combine("out", "nested");

        var result = await new CacheExporter(fixture.Cache).ExportAsync(target, CancellationToken.None);

        var exported = Assert.Single(result.Exported);
        Assert.Equal("hello_2.10-2_amd64.deb", exported.Basename);
        Assert.Equal(digest, exported.Blob.Sha256);
        Assert.Equal(Bytes("hello"), File.ReadAllBytes(Path.Combine(target, "hello_2.10-2_amd64.deb")));
        Assert.Empty(result.Skipped);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../escape.deb")]
    [InlineData("dir/x.deb")]
    [InlineData("line\nbreak.deb")]
    public async Task AMissingOrUnsafeBasenameFallsBackToUnknown(string? basename)
    {
        using var fixture = new CacheFixture();
        var digest = await fixture.AddAsync(Bytes("bytes"), basename);
        var target = fixture.Directory.Combine("out");

        var result = await new CacheExporter(fixture.Cache).ExportAsync(target, CancellationToken.None);

        Assert.Equal("UNKNOWN-" + digest.Hex, Assert.Single(result.Exported).Basename);
        Assert.Equal(["UNKNOWN-" + digest.Hex], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
        Assert.False(File.Exists(fixture.Directory.Combine("escape.deb")));
    }

    [Fact]
    public async Task AnExistingFileIsNeverOverwritten()
    {
        using var fixture = new CacheFixture();
        var digest = await fixture.AddAsync(Bytes("cached"), "x.deb");
        var existing = fixture.Directory.WriteFile("out/x.deb", "mine");

        var result = await new CacheExporter(fixture.Cache).ExportAsync(fixture.Directory.Combine("out"), CancellationToken.None);

        Assert.Empty(result.Exported);
        var skipped = Assert.Single(result.Skipped);
        Assert.Contains(existing, skipped);
        Assert.Contains(digest.Hex, skipped);
        Assert.Equal("mine", File.ReadAllText(existing));
    }

    [Fact]
    public async Task ADanglingSymlinkIsNotWrittenThrough()
    {
        using var fixture = new CacheFixture();
        await fixture.AddAsync(Bytes("cached"), "x.deb");
        Directory.CreateDirectory(fixture.Directory.Combine("out"));
        var victim = fixture.Directory.Combine("victim");
        File.CreateSymbolicLink(fixture.Directory.Combine("out", "x.deb"), victim);

        var result = await new CacheExporter(fixture.Cache).ExportAsync(fixture.Directory.Combine("out"), CancellationToken.None);

        Assert.Empty(result.Exported);
        Assert.Single(result.Skipped);
        Assert.False(File.Exists(victim));
    }
}
