using ReproGet.Core.Cache;
using static ReproGet.Core.Tests.Cache.CacheFixture;

namespace ReproGet.Core.Tests.Cache;

/// <summary><c>cache import</c>: files and directories, relative paths, every error reported.</summary>
public sealed class CacheImporterTests
{
    [Fact]
    public async Task ADirectoryIsImportedRecursivelyIncludingDotFiles()
    {
        using var fixture = new CacheFixture();
        fixture.Directory.WriteFile("in/a.deb", "a");
        fixture.Directory.WriteFile("in/sub/b.rpm", "b");
        fixture.Directory.WriteFile("in/.hidden", "c");

        var result = await new CacheImporter(fixture.Cache).ImportAsync([fixture.Directory.Combine("in")], CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Equal([".hidden", "a.deb", "b.rpm"], result.Imported.Select(i => i.Basename).Order(StringComparer.Ordinal));
        foreach (var item in result.Imported)
        {
            Assert.Equal(File.ReadAllBytes(item.Path), File.ReadAllBytes(fixture.Cache.BlobPath(item.Sha256)));
            Assert.Equal(item.Basename, fixture.Cache.ReadBasename(item.Sha256));
        }
        Assert.Empty(fixture.TempFiles());
    }

    [Fact]
    public async Task SymlinkedFoldersAreNotFollowedSoALoopEnds()
    {
        using var fixture = new CacheFixture();
        fixture.Directory.WriteFile("in/sub/a.deb", "a");
        Directory.CreateSymbolicLink(fixture.Directory.Combine("in", "sub", "loop"), fixture.Directory.Combine("in"));

        var result = await new CacheImporter(fixture.Cache).ImportAsync([fixture.Directory.Combine("in")], CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Equal("a.deb", Assert.Single(result.Imported).Basename);
    }

    [Fact]
    public async Task EveryFailureIsReportedAndTheRestIsImported()
    {
        using var fixture = new CacheFixture();
        fixture.Directory.WriteFile("in/good.deb", "good");
        File.CreateSymbolicLink(fixture.Directory.Combine("in", "dangling.deb"), fixture.Directory.Combine("nowhere"));
        var missing = fixture.Directory.Combine("missing");

        var result = await new CacheImporter(fixture.Cache).ImportAsync([fixture.Directory.Combine("in"), missing], CancellationToken.None);

        Assert.Equal("good.deb", Assert.Single(result.Imported).Basename);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Contains("dangling.deb", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains(missing, StringComparison.Ordinal) && e.Contains("no such file", StringComparison.Ordinal));
        Assert.Empty(fixture.TempFiles());
    }

    [Fact]
    public async Task TwoDifferentFilesWithOneBasenameAreAConflict()
    {
        using var fixture = new CacheFixture();
        var a = fixture.Directory.WriteFile("a/x.deb", "one");
        var b = fixture.Directory.WriteFile("b/x.deb", "two");
        var same = fixture.Directory.WriteFile("c/x.deb", "one");

        var result = await new CacheImporter(fixture.Cache).ImportAsync([a, b, same], CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.Contains("conflict", error);
        Assert.Contains(b, error);
        Assert.Contains(a, error);
        Assert.Equal([a, same], result.Imported.Select(i => i.Path));
    }
}
