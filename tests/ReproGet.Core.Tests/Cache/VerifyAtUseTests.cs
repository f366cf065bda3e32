using System.Diagnostics;
using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using static ReproGet.Core.Tests.Cache.CacheFixture;

namespace ReproGet.Core.Tests.Cache;

/// <summary>
/// Bytes leave the cache only through <see cref="ContentCache.OpenVerified"/>: a flipped byte, a symlink to a
/// secret, a FIFO or a directory in place of a blob is refused and removed, never handed on.
/// </summary>
public sealed class VerifyAtUseTests
{
    [Fact]
    public async Task AFlippedByteIsRefusedAtTheEndOfTheReadAndTheBlobRemoved()
    {
        using var fixture = new CacheFixture();
        var digest = await fixture.AddAsync(Bytes("the real package bytes"), "x_1.0-1_amd64.deb");
        Flip(fixture.Cache.BlobPath(digest));

        await using var stream = fixture.Cache.OpenVerified(digest);
        var error = await Assert.ThrowsAsync<CorruptBlobException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(digest, error.Digest);
        Assert.Contains(digest.Hex, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(fixture.Cache.BlobPath(digest)));
        Assert.Null(fixture.Cache.ReadBasename(digest));
    }

    [Fact]
    public async Task AnIntactBlobReadsThrough()
    {
        using var fixture = new CacheFixture();
        var digest = await fixture.AddAsync(Bytes("intact"), "x_1.0-1_amd64.deb");

        await using var stream = fixture.Cache.OpenVerified(digest);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(Bytes("intact"), copy.ToArray());
        Assert.True(fixture.Cache.Contains(digest));
    }

    [Fact]
    public async Task ASymlinkToASecretIsNotFollowedAndOnlyTheLinkIsRemoved()
    {
        using var fixture = new CacheFixture();
        var digest = await fixture.AddAsync(Bytes("package"), "x_1.0-1_amd64.deb");
        var secret = fixture.Directory.WriteFile("secret", "private key");
        File.Delete(fixture.Cache.BlobPath(digest));
        File.CreateSymbolicLink(fixture.Cache.BlobPath(digest), secret);

        var error = Assert.Throws<CorruptBlobException>(() => fixture.Cache.OpenVerified(digest));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(fixture.Cache.BlobPath(digest)) || new FileInfo(fixture.Cache.BlobPath(digest)).LinkTarget is not null);
        Assert.Equal("private key", File.ReadAllText(secret));
    }

    [Fact]
    public async Task AFifoInPlaceOfABlobIsRefusedAtOnce()
    {
        using var fixture = new CacheFixture();
        var digest = await fixture.AddAsync(Bytes("package"), "x_1.0-1_amd64.deb");
        File.Delete(fixture.Cache.BlobPath(digest));
        MakeFifo(fixture.Cache.BlobPath(digest));

        // Opening a FIFO for reading blocks until a writer comes: this must return (with an error) instead.
        var open = Task.Run(() => fixture.Cache.OpenVerified(digest));
        var finished = await Task.WhenAny(open, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(open, finished);
        var error = await Assert.ThrowsAsync<CorruptBlobException>(() => open);
        Assert.Contains("FIFO", error.Message, StringComparison.Ordinal);
        Assert.False(Path.Exists(fixture.Cache.BlobPath(digest)));
    }

    [Fact]
    public async Task CacheVerifyRemovesADirectoryAndAFifoNamedLikeBlobs()
    {
        using var fixture = new CacheFixture();
        var good = await fixture.AddAsync(Bytes("good"), "good_1_all.deb");
        var asDirectory = DigestOf(Bytes("dir"));
        var asFifo = DigestOf(Bytes("fifo"));
        Directory.CreateDirectory(Path.Combine(fixture.Cache.BlobPath(asDirectory), "inside"));
        MakeFifo(fixture.Cache.BlobPath(asFifo));

        var result = await new CacheVerifier(fixture.Cache).VerifyAsync(CancellationToken.None);

        Assert.Equal(3, result.Checked);
        Assert.Equal(new[] { asDirectory.Hex, asFifo.Hex }.Order(StringComparer.Ordinal),
            result.Removed.Select(r => r.Blob.Sha256.Hex).Order(StringComparer.Ordinal));
        Assert.False(Path.Exists(fixture.Cache.BlobPath(asDirectory)));
        Assert.False(Path.Exists(fixture.Cache.BlobPath(asFifo)));
        Assert.True(fixture.Cache.Contains(good));
    }

    [Fact]
    public async Task ADirectoryWhereABlobShouldBeIsNamedNotBlamedOnFreeSpace()
    {
        using var fixture = new CacheFixture();
        var bytes = Bytes("package");
        Directory.CreateDirectory(fixture.Cache.BlobPath(DigestOf(bytes)));

        var error = await Assert.ThrowsAsync<ReproGetException>(() => fixture.AddAsync(bytes, "x_1.0-1_amd64.deb"));

        Assert.IsNotType<CacheWriteException>(error);
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("free space", error.Hint ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckoutRefetchesACorruptBlobAndHandsOnlyVerifiedPrivateCopies()
    {
        using var fixture = new CacheFixture();
        var good = await fixture.AddAsync(Bytes("good package"), "good_1_all.deb");
        var bad = await fixture.AddAsync(Bytes("bad package"), "bad_1_all.deb");
        Flip(fixture.Cache.BlobPath(bad));
        LockEntry[] entries = [new("pool/good_1_all.deb", good), new("pool/bad_1_all.deb", bad)];
        var refetched = new List<string>();
        var reports = new List<string>();

        using var checkout = await BlobCheckout.CheckOutAsync(fixture.Cache, entries, async (missing, _) =>
        {
            refetched.AddRange(missing.Select(e => e.Name));
            await fixture.AddAsync(Bytes("bad package"), "bad_1_all.deb");
        }, reports.Add, CancellationToken.None);

        Assert.Equal(["pool/bad_1_all.deb"], refetched);
        Assert.Contains("bad_1_all.deb", Assert.Single(reports), StringComparison.Ordinal);
        Assert.Equal(Bytes("bad package"), File.ReadAllBytes(checkout.PathOf(bad)));
        Assert.Equal(Bytes("good package"), File.ReadAllBytes(checkout.PathOf(good)));
        Assert.StartsWith(fixture.Cache.Root, checkout.Directory, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(checkout.Directory));
        var directory = checkout.Directory;
        checkout.Dispose();
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task ACheckoutWithoutAProviderFailsAndLeavesNothing()
    {
        using var fixture = new CacheFixture();
        var bad = await fixture.AddAsync(Bytes("bad package"), "bad_1_all.deb");
        Flip(fixture.Cache.BlobPath(bad));

        var error = await Assert.ThrowsAsync<ReproGetException>(() => BlobCheckout.CheckOutAsync(fixture.Cache,
            [new LockEntry("pool/bad_1_all.deb", bad)], refetch: null, _ => { }, CancellationToken.None));

        Assert.Contains("pool/bad_1_all.deb", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateDirectories(fixture.Cache.Root, ".checkout-*"));
    }

    [Fact]
    public async Task ExportSkipsACorruptBlobAndReportsIt()
    {
        using var fixture = new CacheFixture();
        await fixture.AddAsync(Bytes("good"), "good_1_all.deb");
        var bad = await fixture.AddAsync(Bytes("bad"), "bad_1_all.deb");
        Flip(fixture.Cache.BlobPath(bad));
        var target = fixture.Directory.Combine("out");

        var result = await new CacheExporter(fixture.Cache).ExportAsync(target, CancellationToken.None);

        Assert.Equal(["good_1_all.deb"], result.Exported.Select(e => e.Basename));
        Assert.Contains(bad.Hex, Assert.Single(result.Corrupt), StringComparison.Ordinal);
        Assert.Equal(["good_1_all.deb"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AnImported0600FileBehindASymlinkBecomesA0644Blob()
    {
        // The decision the README states: the cache is shared, content-addressed data; blobs are 0644.
        using var fixture = new CacheFixture();
        var secret = fixture.Directory.WriteFile("private.deb", "bytes");
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = fixture.Directory.Combine("link.deb");
        File.CreateSymbolicLink(link, secret);

        var result = await new CacheImporter(fixture.Cache).ImportAsync([link], CancellationToken.None);

        var imported = Assert.Single(result.Imported);
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(fixture.Cache.BlobPath(imported.Sha256)));
    }

    internal static void Flip(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
