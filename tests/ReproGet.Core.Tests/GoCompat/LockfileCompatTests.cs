using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.TestKit;
using static ReproGet.Core.Tests.KnownHashes;

namespace ReproGet.Core.Tests.GoCompat;

/// <summary>
/// Lockfile behaviours of Go repro-get: <c>Kept_</c> pins one we copy on purpose, <c>Fixed_</c> one of its bugs we do not
/// (reference: repro-get-behaviour.md §2, §8).
/// </summary>
public sealed class LockfileCompatTests
{
    private const string OtherCid = "QmTsD9EfB3Zu7DtLGWwDAkmnuhfjea5KyhXzNjd41LW35i";

    [Fact]
    public void Kept_SeveralCidsForOneHashGoTheWayOfGosOwnTest()
    {
        // filespec_test.go: QmRY… then QmTs… gives QmTs… (the last, and also the greatest).
        var entry = Assert.Single(Sha256SumsReader.Parse("L",
            [$"{Hello}  {HelloName}", $"{Hello}  /ipfs/{HelloCid}", $"{Hello}  /ipfs/{OtherCid}"], null));
        Assert.Equal(OtherCid, entry.Cid);
    }

    [Fact]
    public void Fixed_TheLastCidInFileOrderWinsNotTheGreatest()
    {
        var entry = Assert.Single(Sha256SumsReader.Parse("L",
            [$"{Hello}  /ipfs/{OtherCid}", $"{Hello}  /ipfs/{HelloCid}", $"{Hello}  {HelloName}"], null));
        Assert.Equal(HelloCid, entry.Cid);
    }

    [Theory]
    [InlineData("+early.txt")]
    [InlineData("-early.txt")]
    [InlineData("!early.txt")]
    public void Fixed_CidLinesAttachToNamesThatSortBeforeThem(string name)
    {
        // Go walked names in sorted order, so a name sorting before "/ipfs/" never saw its CID.
        var entry = Assert.Single(Sha256SumsReader.Parse("L", [$"{Hello}  {name}", $"{Hello}  /ipfs/{HelloCid}"], null));
        Assert.Equal(HelloCid, entry.Cid);
    }

    [Fact]
    public void Kept_AnIpfsNameWithMorePartsIsAnAbsoluteName()
    {
        var error = Assert.Throws<LockfileFormatException>(() => Sha256SumsReader.Parse("L", [$"{Hello}  /ipfs/a/b"], null));
        Assert.Contains("L:1: file name \"/ipfs/a/b\" must be relative", error.Message);
    }

    [Fact]
    public void Fixed_ARepeatedNameWithAnotherHashInOneFileIsAnErrorButALaterFileStillWins()
    {
        // Go kept the last hash of a name silently (issue 17.11); merging several lockfiles still replaces.
        using var dir = new TempDirectory();
        var first = dir.WriteFile("1", $"{Neofetch}  {HelloName}\n{Hello}  {HelloName}\n");
        Assert.Throws<LockfileFormatException>(() => Sha256SumsReader.ReadFiles([first], "0"));
        var second = dir.WriteFile("2", $"{Neofetch}  x.txt\n");
        var third = dir.WriteFile("3", $"{Hello}  x.txt\n");
        Assert.All(Sha256SumsReader.ReadFiles([second, third], "0"), e => Assert.Equal(Hello, e.Sha256.Hex));
    }

    [Fact]
    public void Fixed_AnInvalidSourceDateEpochIsAnErrorNotIgnored()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("SHA256SUMS", $"{Hello}  {HelloName}\n");
        var error = Assert.Throws<ReproGetException>(() => Sha256SumsReader.ReadFiles([path], "2021-12-20"));
        Assert.Contains("SOURCE_DATE_EPOCH", error.Message);
    }

    [Fact]
    public void Fixed_ALineWithAnEmptyNameIsAnErrorNotACrash()
    {
        var error = Assert.Throws<LockfileFormatException>(() => Sha256SumsReader.Parse("L", [$"{Hello}  x.txt", $"{Hello} "], null));
        Assert.StartsWith("L:2: ", Assert.Single(error.Diagnostics));
    }

    [Fact]
    public void Fixed_ANameStartingWithDotDotIsRejected()
    {
        // path.Clean("../x") == "../x", so Go's validation let it through.
        Assert.Equal("../x", LockName.Clean("../x"));
        Assert.Throws<LockfileFormatException>(() => Sha256SumsReader.Parse("L", [$"{Hello}  ../x"], null));
    }

    [Fact]
    public void Kept_PackageNamesAreCheckedWhateverTheDistro()
    {
        // A malformed .deb fails even for --distro none: the suffix alone decides.
        var error = Assert.Throws<LockfileFormatException>(() => Sha256SumsReader.Parse("L", [$"{Hello}  not-a-package.deb"], null));
        Assert.Contains("unexpected package file name", error.Message);
    }
}
