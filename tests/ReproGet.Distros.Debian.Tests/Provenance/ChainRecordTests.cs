using System.Text;
using ReproGet.Core.Distros;
using ReproGet.Core.Files;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Locking;
using ReproGet.Distros.Debian.Provenance;
using ReproGet.TestKit;
using ReproGet.TestKit.Signing;

namespace ReproGet.Distros.Debian.Tests.Provenance;

/// <summary>
/// The cache records that spare a lock the chain's repeated work: what a list file inflates to (keyed by the file's
/// identity) and gpgv's accepted verdict (keyed by the InRelease's and keyrings' bytes). Each is used only for the very
/// bytes it was made from: a changed list, InRelease or keyring is read and judged again.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ChainRecordTests
{
    private const string ListPrefix = "deb.debian.org_debian_dists_bookworm-updates_";
    private const string ListName = ListPrefix + "main_binary-amd64_Packages";
    private static readonly DebianDistro Debian = new();

    [Fact]
    public async Task ASecondLockUsesBothRecordsAndLocksTheSameLines()
    {
        using var cache = new TempDirectory();
        using var root = SignedRoot(cache.Path, ".lz4");
        var first = await LockAsync(root, "openssh-client");
        var records = Records(cache.Path);

        var second = await LockAsync(root, "openssh-client");

        Assert.Equal(2, records.Count);
        Assert.Equal(Lines(first), Lines(second));
        Assert.Equal([ChainFixture.OpensshClient], second.Single(f => f.Name == ChainFixture.IndexName).Proves);
        Assert.Empty(root.Log.Warnings);
        // A record is rewritten (a new file renamed into place) whenever the list is hashed or gpgv runs again.
        Assert.Equal(records, Records(cache.Path));
    }

    [Fact]
    public async Task AListChangedInPlaceWithItsSizeAndMtimeKeptIsReadAndHashedAgain()
    {
        using var cache = new TempDirectory();
        using var root = SignedRoot(cache.Path, "");
        var list = Path.Combine(root.Path, "var/lib/apt/lists", ListName);
        var records = Path.Combine(cache.Path, "digests", ProofStore.ListDigestKind);
        // A whole second, which File.SetLastWriteTimeUtc can restore exactly (it has 100 ns steps, the file system 1 ns).
        var modified = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(list, modified);
        var first = await LockAsync(root, "ca-certificates");
        var recorded = File.ReadAllText(Assert.Single(Directory.GetFiles(records)));
        var before = FileIdentity.OfPath(list);

        var edited = ChainFixture.IndexBytes;
        edited[^2] ^= 0x01;
        using (var file = new FileStream(list, FileMode.Open, FileAccess.Write))
        {
            file.Write(edited);
        }
        File.SetLastWriteTimeUtc(list, modified);
        var after = FileIdentity.OfPath(list);
        var second = await LockAsync(root, "ca-certificates");

        Assert.Equal((before.Inode, before.Size, before.ModifiedNanoseconds), (after.Inode, after.Size, after.ModifiedNanoseconds));
        Assert.Contains("sha256:80a1f6ee524222c49f230fc5700d00f946d0a47eb5258180106dd03df126e16a", recorded, StringComparison.Ordinal);
        // Only the ctime told the two apart: the edited list was inflated and hashed again, and recorded as itself.
        var again = Directory.GetFiles(records).Select(File.ReadAllText).Single(r => r != recorded);
        Assert.Contains($"sha256:{Core.Hashing.Sha256Hasher.HashBytes(edited).Hex} {edited.Length}", again, StringComparison.Ordinal);
        // The chain is still the signed index's: its copy in the cache lists the locked file (as before records).
        Assert.Equal(Lines(first), Lines(second));
        Assert.Empty(root.Log.Warnings);
    }

    [Fact]
    public async Task AChangedListIsRefusedWhenTheCacheHasNoSignedCopy()
    {
        using var cache = new TempDirectory();
        using var root = SignedRoot(cache.Path, ".lz4");
        Assert.Contains(await LockAsync(root, "ca-certificates"), f => f.Name == ChainFixture.IndexName);
        File.Delete(Path.Combine(cache.Path, "blobs", "sha256", "80a1f6ee524222c49f230fc5700d00f946d0a47eb5258180106dd03df126e16a"));
        var edited = ChainFixture.IndexBytes;
        edited[^2] ^= 0x01;
        root.WithList(ListName, edited, ".lz4");

        var locked = await LockAsync(root, "ca-certificates");

        Assert.DoesNotContain(locked, f => f.Proves is not null);
        Assert.Contains("the Release lists main/binary-amd64/Packages with sha256 80a1f6ee", Assert.Single(root.Log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListChangedJustBeforeItIsReadIsNotRecorded()
    {
        using var cache = new TempDirectory();
        using var root = SignedRoot(cache.Path, ".lz4", TimeProvider.System);

        var locked = await LockAsync(root, "openssh-client");

        Assert.Contains(locked, f => f.Name == ChainFixture.IndexName);
        Assert.False(Directory.Exists(Path.Combine(cache.Path, "digests", ProofStore.ListDigestKind)));
    }

    [Fact]
    public async Task AVerdictIsNotUsedWithAnotherKeyring()
    {
        using var cache = new TempDirectory();
        using var root = SignedRoot(cache.Path, ".lz4");
        Assert.Contains(await LockAsync(root, "openssh-client"), f => f.Name == ChainFixture.InReleaseName);
        using var rogue = new GpgTestKey("Rogue Archive <rogue@example.invalid>");
        var keyring = Path.Combine(root.Path, "usr/share/keyrings/debian-archive-keyring.gpg");
        File.Delete(keyring);
        rogue.ExportKeyring(keyring);

        var locked = await LockAsync(root, "openssh-client");

        Assert.DoesNotContain(locked, f => f.Proves is not null);
        Assert.Contains("which is not in the keyring", Assert.Single(root.Log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVerdictIsNotUsedForAnInReleaseWithOneByteChanged()
    {
        using var cache = new TempDirectory();
        using var root = SignedRoot(cache.Path, ".lz4");
        Assert.Contains(await LockAsync(root, "openssh-client"), f => f.Name == ChainFixture.InReleaseName);
        var text = Encoding.UTF8.GetString(ChainFixture.InReleaseBytes).Replace("Date: Fri, 20 Nov", "Date: Sat, 20 Nov", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(root.Path, "var/lib/apt/lists", ListPrefix + "InRelease"), text);

        var locked = await LockAsync(root, "openssh-client");

        Assert.DoesNotContain(locked, f => f.Proves is not null);
        Assert.Contains("BAD signature", Assert.Single(root.Log.Warnings), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<LockedFile>> LockAsync(DebianRoot root, string package) =>
        await Debian.Locker.LockAsync(root.Context, new LockRequest([package], false), default);

    private static List<string> Lines(IEnumerable<LockedFile> locked) => [.. locked.Select(f => $"{f.Sha256.Hex}  {f.Name}").Order(StringComparer.Ordinal)];

    // Each record file with its inode: an unchanged inode means the record was not written again.
    private static List<(string, ulong)> Records(string cacheRoot) =>
    [
        .. new[] { ProofStore.ListDigestKind, InReleaseCheckRecord.Kind }
            .SelectMany(kind => Directory.GetFiles(Path.Combine(cacheRoot, "digests", kind)))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, FileIdentity.OfPath(f).Inode)),
    ];

    // The test writes the lists seconds before it locks: a clock a minute ahead lets their identity be recorded.
    private static DebianRoot SignedRoot(string cacheRoot, string listSuffix, TimeProvider? time = null) =>
        new DebianRoot { CacheRoot = cacheRoot, Time = time ?? new ShiftedClock(TimeSpan.FromMinutes(1)) }
            .WithInstalled("openssh-client,1:9.2p1-2+deb12u7,amd64", "dpkg,1.21.22,amd64")
            .WithList(ListName, ChainFixture.IndexBytes, listSuffix)
            .WithBytes("var/lib/apt/lists/" + ListPrefix + "InRelease", ChainFixture.InReleaseBytes)
            .WithBytes("usr/share/keyrings/debian-archive-keyring.gpg", File.ReadAllBytes(TrustedKeys.ArchiveKeyring));

    private sealed class ShiftedClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}
