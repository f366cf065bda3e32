using ReproGet.Core.Operations.Locking;

namespace ReproGet.Core.Tests.Operations.Locking;

public sealed class LockComparisonTests
{
    private const string A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string C = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    [Fact]
    public void ANewVersionIsOneChangeAndAddedAndRemovedPackagesAreNamed()
    {
        var old = $"# old header\n{A}  pool/main/h/hello/hello_2.10-2_amd64.deb\n{B}  pool/main/t/tree/tree_2.1.0-1_amd64.deb\n";
        var fresh = $"# new header\n{C}  pool/main/h/hello/hello_2.10-3_amd64.deb\n{B}  pool/main/j/jq/jq_1.6-2.1_amd64.deb\n";

        var differences = LockComparison.Compare(old, fresh).Select(d => d.ToString()).ToList();

        Assert.Equal(["hello:amd64: 2.10-2 → 2.10-3", "added jq:amd64 1.6-2.1", "removed tree:amd64 2.1.0-1"], differences);
    }

    [Fact]
    public void TheSameVersionWithAnotherHashIsAChangeAndCommentsAreNot()
    {
        var old = $"# resolved by apt 2.6.1\n{A}  pool/main/h/hello/hello_2.10-3_amd64.deb\n";
        var same = $"# resolved by apt 3.1.0\n{A}  pool/main/h/hello/hello_2.10-3_amd64.deb\n";
        var rebuilt = $"{B}  pool/main/h/hello/hello_2.10-3_amd64.deb\n";

        Assert.Empty(LockComparison.Compare(old, same));
        Assert.Equal("hello:amd64: 2.10-3 (sha256 aaaaaaaaaaaa) → 2.10-3 (sha256 bbbbbbbbbbbb)",
            Assert.Single(LockComparison.Compare(old, rebuilt)).ToString());
    }

    [Fact]
    public void AFileThatIsNoPackageIsNamedWithItsShortHash()
    {
        var old = $"{A}  dists/bookworm/InRelease\n";
        var fresh = $"{B}  dists/bookworm/InRelease\n{C}  r/rg-epoch/rg-epoch-1:0.5-2-any.pkg.tar.zst.sig\n";

        Assert.Equal(["dists/bookworm/InRelease: sha256 aaaaaaaaaaaa → sha256 bbbbbbbbbbbb", "added r/rg-epoch/rg-epoch-1:0.5-2-any.pkg.tar.zst.sig sha256 cccccccccccc"],
            LockComparison.Compare(old, fresh).Select(d => d.ToString()));
    }
}
