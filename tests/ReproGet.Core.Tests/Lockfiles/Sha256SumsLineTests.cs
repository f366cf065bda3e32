using ReproGet.Core.Lockfiles;
using static ReproGet.Core.Tests.KnownHashes;

namespace ReproGet.Core.Tests.Lockfiles;

/// <summary>The line grammar, with the vectors of repro-get's sha256sums_test.go (PARSE-CASES.md).</summary>
public sealed class Sha256SumsLineTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t  ")]
    [InlineData("# foo")]
    [InlineData(" # foo")]
    [InlineData("\t# " + Hello + "  x.deb")]
    public void BlankAndCommentLinesAreSkipped(string line)
    {
        Assert.False(Sha256SumsLine.TryParse(line, out _));
    }

    [Theory]
    [InlineData("foo", "invalid line")]
    [InlineData("foo bar", "invalid sha256 sum")]
    [InlineData(Hello + "\tpool/x.deb", "invalid line")]
    [InlineData(Hello + "0  pool/x.deb", "invalid sha256 sum")]
    [InlineData(Hello + " ", "no file name")]
    [InlineData(Hello + "  ", "no file name")]
    [InlineData(Hello + " *", "no file name")]
    public void MalformedLinesFailWithTheReason(string line, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Sha256SumsLine.TryParse(line, out _));
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData(Hello + "  " + HelloName, HelloName)]
    [InlineData(Hello + " *" + HelloName, HelloName)]
    [InlineData(Hello + " " + HelloName, HelloName)]
    [InlineData(Hello + "   " + HelloName, " " + HelloName)]
    [InlineData(Hello + "  " + HelloName + " ", HelloName + " ")]
    [InlineData(" " + Hello + "  " + HelloName, HelloName)]
    [InlineData(" " + Hello + "  /ipfs/" + HelloCid, "/ipfs/" + HelloCid)]
    [InlineData(Hello + "  dir/with # hash.txt", "dir/with # hash.txt")]
    public void NameIsTakenVerbatimAfterOneModeMark(string line, string name)
    {
        Assert.True(Sha256SumsLine.TryParse(line, out var parsed));
        Assert.Equal(Hello, parsed.Sha256);
        Assert.Equal(name, parsed.Name);
    }

    [Fact]
    public void UppercaseHexPassesTheLineGrammar()
    {
        // Hex-ness is checked when entries are validated, as in the Go tool.
        Assert.True(Sha256SumsLine.TryParse(Hello.ToUpperInvariant() + "  x", out var parsed));
        Assert.Equal(Hello.ToUpperInvariant(), parsed.Sha256);
    }

    [Theory]
    [InlineData("/ipfs/" + HelloCid, HelloCid)]
    [InlineData("/ipfs/", null)]
    [InlineData("/ipfs/a/b", null)]
    [InlineData("ipfs/" + HelloCid, null)]
    [InlineData(HelloName, null)]
    public void IpfsPseudoNamesCarryACid(string name, string? cid)
    {
        Assert.Equal(cid, new Sha256SumsLine(Hello, name).IpfsCid);
    }
}
