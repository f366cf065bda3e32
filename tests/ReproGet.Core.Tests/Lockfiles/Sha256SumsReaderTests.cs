using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;
using ReproGet.TestKit;
using static ReproGet.Core.Tests.KnownHashes;

namespace ReproGet.Core.Tests.Lockfiles;

/// <summary>From lines to validated entries: names, digests, CIDs, merging and error reports.</summary>
public sealed class Sha256SumsReaderTests
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeSeconds(1639958400);

    [Fact]
    public void AnEntryCarriesItsNameDigestEpochAndPackage()
    {
        var entry = Assert.Single(Sha256SumsReader.Parse("L", [$"{Hello}  {HelloName}"], Epoch));
        Assert.Equal(HelloName, entry.Name);
        Assert.Equal("hello_2.10-2_amd64.deb", entry.Basename);
        Assert.Equal(Hello, entry.Sha256.Hex);
        Assert.Null(entry.Cid);
        Assert.Equal(Epoch, entry.Epoch);
        Assert.Equal(new PackageFileName(PackageKind.Deb, "hello", "2.10-2", null, "amd64"), entry.Package);
    }

    [Fact]
    public void ACidLineAttachesToTheEntryWithTheSameHashAndIsNoEntryItself()
    {
        var entry = Assert.Single(Sha256SumsReader.Parse("L", [$"{Hello}  {HelloName}", $"{Hello}  /ipfs/{HelloCid}"], null));
        Assert.Equal(HelloCid, entry.Cid);
        Assert.Null(entry.Epoch);
    }

    [Fact]
    public void ACidForAnUnpinnedHashIsIgnored()
    {
        var entry = Assert.Single(Sha256SumsReader.Parse("L", [$"{Neofetch}  /ipfs/{HelloCid}", $"{Hello}  {HelloName}"], null));
        Assert.Null(entry.Cid);
    }

    [Fact]
    public void EntriesComeOutSortedByNameBytes()
    {
        var entries = Sha256SumsReader.Parse("L", [$"{Hello}  b/x.txt", $"{Hello}  B/x.txt", $"{Hello}  a-b.txt", $"{Hello}  a/b.txt"], null);
        Assert.Equal(["B/x.txt", "a-b.txt", "a/b.txt", "b/x.txt"], entries.Select(e => e.Name));
    }

    [Theory]
    [InlineData("/abs/x.txt", "must be relative")]
    [InlineData("./x.txt", "not clean")]
    [InlineData("a//b.txt", "not clean")]
    [InlineData("a/../b.txt", "not clean")]
    [InlineData("a/b/", "not clean")]
    [InlineData("../x.txt", "..")]
    [InlineData("a/../../x.txt", "not clean")]
    [InlineData("..", "..")]
    [InlineData(".", "reserved")]
    [InlineData("dir/.hidden", "reserved")]
    [InlineData("a\\b.txt", "backslash")]
    [InlineData("a\u0001b.txt", "control character")]
    [InlineData("foo.deb", "unexpected package file name \"foo.deb\"")]
    [InlineData("x/ca-certificates.rpm", "unexpected package file name")]
    [InlineData("x/-1.0.pkg.tar.zst", "unexpected package file name")]
    public void InvalidNamesAreRejectedWithFileAndLine(string name, string reason)
    {
        var error = Assert.Throws<LockfileFormatException>(() =>
            Sha256SumsReader.Parse("SHA256SUMS-amd64", ["# header", $"{Hello}  {name}"], null));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.StartsWith("SHA256SUMS-amd64:2: ", diagnostic);
        Assert.Contains(reason, diagnostic);
    }

    [Theory]
    [InlineData("35B1508EEEE9C1DFBA798C4C04304EF0F266990F936A51F165571EDF53325CBC", "uppercase")]
    [InlineData("35b1508eeee9c1dfba798c4c04304ef0f266990f936a51f165571edf53325cbg", "not hexadecimal")]
    public void DigestsMustBeLowercaseHex(string sha, string reason)
    {
        var error = Assert.Throws<LockfileFormatException>(() => Sha256SumsReader.Parse("L", [$"{sha}  {HelloName}"], null));
        Assert.Contains("L:1: ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void EveryBadLineIsReportedNotJustTheFirst()
    {
        var error = Assert.Throws<LockfileFormatException>(() =>
            Sha256SumsReader.Parse("L", ["junk", $"{Hello}  ok.txt", $"{Hello}  /abs", $"{Hello[..10]}  short"], null));
        Assert.Equal(3, error.Diagnostics.Count);
        Assert.StartsWith("L:1: ", error.Diagnostics[0]);
        Assert.StartsWith("L:3: ", error.Diagnostics[1]);
        Assert.StartsWith("L:4: ", error.Diagnostics[2]);
    }

    [Fact]
    public void AFileOfGarbageReportsABoundedNumberOfLines()
    {
        var lines = Enumerable.Range(0, 10_000).Select(i => $"garbage line {i}").ToList();
        var error = Assert.Throws<LockfileFormatException>(() => Sha256SumsReader.Parse("L", lines, null));
        Assert.True(error.Diagnostics.Count <= 21, $"{error.Diagnostics.Count} diagnostics");
        Assert.Contains("more", error.Diagnostics[^1]);
    }

    [Fact]
    public void SeveralFilesMergeAndTheLaterFileWins()
    {
        using var dir = new TempDirectory();
        var first = dir.WriteFile("a/SHA256SUMS", $"{Neofetch}  {HelloName}\n{Neofetch}  only-in-first.txt\n");
        var second = dir.WriteFile("b/SHA256SUMS", $"{Hello}  {HelloName}\n");
        var entries = Sha256SumsReader.ReadFiles([first, second], "1639958400");
        Assert.Equal(["only-in-first.txt", HelloName], entries.Select(e => e.Name));
        Assert.Equal(Hello, entries[1].Sha256.Hex);
        Assert.All(entries, e => Assert.Equal(Epoch, e.Epoch));
    }

    [Fact]
    public void WithoutSourceDateEpochTheEpochIsTheFileModificationTime()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("SHA256SUMS", $"{Hello}  {HelloName}\n");
        var mtime = new DateTime(2022, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234567);
        File.SetLastWriteTimeUtc(path, mtime);
        var entry = Assert.Single(Sha256SumsReader.ReadFiles([path], null));
        Assert.Equal(new DateTimeOffset(mtime), entry.Epoch);
        Assert.Equal(TimeSpan.Zero, entry.Epoch!.Value.Offset);
    }

    [Fact]
    public void AMissingFileIsAnErrorNamingIt()
    {
        using var dir = new TempDirectory();
        var missing = dir.Combine("nope", "SHA256SUMS");
        var error = Assert.ThrowsAny<ReproGetException>(() => Sha256SumsReader.ReadFiles([missing], null));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void DedupeFilesUseThePlainGrammarWithoutNameValidation()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("base", $"# base image\n{Hello}  /abs/is/fine/here\n{Neofetch} *x\n");
        var pairs = Sha256SumsReader.ReadPairs(path);
        Assert.Equal([("/abs/is/fine/here", Hello), ("x", Neofetch)], pairs.Select(p => (p.Name, p.Sha256)));
    }
}
