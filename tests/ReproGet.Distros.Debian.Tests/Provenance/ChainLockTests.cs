using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Locking;
using ReproGet.Distros.Debian.Provenance;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Provenance;

/// <summary>hash generate's chain lines, from a root with the real bookworm-updates list, its InRelease and Debian's keyring.</summary>
[Trait("Category", "Integration")]
public sealed class ChainLockTests
{
    private const string ListPrefix = "deb.debian.org_debian_dists_bookworm-updates_";
    private static readonly DebianDistro Debian = new();

    [Fact]
    public async Task TheLockCarriesTheVerifiedInReleaseAndIndexAndTheCacheHoldsThem()
    {
        using var cache = new TempDirectory();
        using var root = SignedRoot(ChainFixture.IndexBytes, cache.Path);

        var locked = await Debian.Locker.LockAsync(root.Context, new LockRequest(["openssh-client"], false), default);

        Assert.Equal(
        [
            (ChainFixture.InReleaseName, Sha256Hasher.HashBytes(ChainFixture.InReleaseBytes).Hex),
            (ChainFixture.IndexName, "80a1f6ee524222c49f230fc5700d00f946d0a47eb5258180106dd03df126e16a"),
            (ChainFixture.OpensshClient, ChainFixture.OpensshClientSha),
        ], locked.Select(f => (f.Name, f.Sha256.Hex)).Order());
        Assert.Equal([ChainFixture.OpensshClient], locked.Single(f => f.Name == ChainFixture.IndexName).Proves);
        Assert.Empty(root.Log.Warnings);
        using var content = ContentCache.Open(cache.Path);
        var proofs = locked.Where(f => f.Proves is not null).Select(f => new ProofFile(f.Name, f.Sha256, content.BlobPath(f.Sha256))).ToList();
        Assert.All(proofs, p => Assert.True(File.Exists(p.Path), p.Name));
        var report = await ChainVerifier.VerifyAsync(proofs, [ChainFixture.Entry(ChainFixture.OpensshClient, ChainFixture.OpensshClientSha)],
            TrustedKeys.ForRoot(root.Context), default);
        Assert.Equal(ProofStatus.Verified, Assert.Single(report.Entries).Status);
    }

    [Fact]
    public async Task AListThatDoesNotMatchItsInReleaseLeavesNoChainAndSaysWhy()
    {
        using var cache = new TempDirectory();
        var edited = ChainFixture.IndexBytes;
        edited[^2] ^= 0x01;
        using var root = SignedRoot(edited, cache.Path);

        var locked = await Debian.Locker.LockAsync(root.Context, new LockRequest(["ca-certificates"], false), default);

        Assert.DoesNotContain(locked, f => f.Proves is not null);
        var warning = Assert.Single(root.Log.Warnings);
        Assert.Contains("1 of 1 locked files have no signature chain", warning, StringComparison.Ordinal);
        Assert.Contains("the Release lists main/binary-amd64/Packages with sha256 80a1f6ee", warning, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(cache.Path, "blobs", "sha256"), "80a1*"));
    }

    [Fact]
    public async Task DedupeKeepsTheChainTheRemainingPackagesNeedAndDropsTheRest()
    {
        using var cache = new TempDirectory();
        using var root = SignedRoot(ChainFixture.IndexBytes, cache.Path);
        var both = await Debian.Locker.LockAsync(root.Context, new LockRequest(["openssh-client", "ca-certificates"], false), default);
        var onlyCa = await Debian.Locker.LockAsync(root.Context, new LockRequest(["ca-certificates"], false), default);
        var basePath = cache.WriteFile("SHA256SUMS-base", string.Concat(onlyCa.Select(f => $"{f.Sha256.Hex}  {f.Name}\n")));

        var deduped = LockDedupe.Apply(both, basePath);
        var nothingLeft = LockDedupe.Apply(onlyCa, basePath);

        Assert.Equal([ChainFixture.InReleaseName, ChainFixture.IndexName, ChainFixture.OpensshClient], deduped.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Empty(nothingLeft);
    }

    [Fact]
    public async Task HashUpdateReplacesAStaleChainWithTheFreshOne()
    {
        using var cache = new TempDirectory();
        using var root = SignedRoot(ChainFixture.IndexBytes, cache.Path);
        var locked = await Debian.Locker.LockAsync(root.Context, new LockRequest(["openssh-client"], false), default);
        string[] old =
        [
            "# base",
            $"{new string('a', 64)}  dists/bookworm-updates/InRelease",
            $"{new string('b', 64)}  dists/bookworm-updates/main/binary-amd64/Packages",
            $"{ChainFixture.OpensshClientSha}  {ChainFixture.OpensshClient}",
        ];

        var result = LockUpdate.Apply(old, locked, name => Debian.Entries.Classify(name) == EntryRole.Proof);

        Assert.Equal(
            "# base\n"
            + $"{Sha256Hasher.HashBytes(ChainFixture.InReleaseBytes).Hex}  {ChainFixture.InReleaseName}\n"
            + $"80a1f6ee524222c49f230fc5700d00f946d0a47eb5258180106dd03df126e16a  {ChainFixture.IndexName}\n"
            + $"{ChainFixture.OpensshClientSha}  {ChainFixture.OpensshClient}\n",
            result.Text);
        Assert.Empty(result.Changes);
    }

    private static DebianRoot SignedRoot(byte[] index, string cacheRoot)
    {
        var root = new DebianRoot
        {
            CacheRoot = cacheRoot,
        };
        return root
            .WithInstalled("openssh-client,1:9.2p1-2+deb12u7,amd64", "dpkg,1.21.22,amd64")
            .WithList(ListPrefix + "main_binary-amd64_Packages", index, ".lz4")
            .WithBytes("var/lib/apt/lists/" + ListPrefix + "InRelease", ChainFixture.InReleaseBytes)
            .WithBytes("usr/share/keyrings/debian-archive-keyring.gpg", File.ReadAllBytes(TrustedKeys.ArchiveKeyring));
    }
}
