using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Bundling;
using ReproGet.Core.Tests.Cache;
using static ReproGet.Core.Tests.Cache.CacheFixture;

namespace ReproGet.Core.Tests.Operations.Bundling;

/// <summary>
/// <c>bundle -o DIR</c>: never writes through links already in DIR, never copies a corrupt blob out, refuses names
/// that would clash with its own files, and publishes nothing when it fails.
/// </summary>
public sealed class BundleWriterTests
{
    private static readonly BundleInstaller Dpkg = new("dpkg", "dpkg --install \"$@\"");

    [Fact]
    public async Task SymlinksPlantedInTheOutputFolderAreReplacedNotWrittenThrough()
    {
        using var fixture = new CacheFixture();
        var digest = await fixture.AddAsync(Bytes("package"), "x_1.0-1_amd64.deb");
        var lockfile = fixture.Directory.WriteFile("SHA256SUMS", $"{digest.Hex}  pool/x_1.0-1_amd64.deb\n");
        var output = fixture.Directory.Combine("bundle");
        Directory.CreateDirectory(output);
        var victim = fixture.Directory.WriteFile("victim", "do not touch");
        File.SetUnixFileMode(victim, (UnixFileMode)0b110_000_000);
        foreach (var name in new[] { "install.sh", "files.list", "bundle.sha256", "SHA256SUMS" })
        {
            File.CreateSymbolicLink(Path.Combine(output, name), victim);
        }

        await WriteAsync(fixture, [new LockEntry("pool/x_1.0-1_amd64.deb", digest)], [lockfile], output);

        Assert.Equal("do not touch", File.ReadAllText(victim));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(victim));
        foreach (var name in new[] { "install.sh", "files.list", "bundle.sha256", "SHA256SUMS" })
        {
            Assert.Null(new FileInfo(Path.Combine(output, name)).LinkTarget);
        }
        Assert.Equal(Bytes("package"), File.ReadAllBytes(Path.Combine(output, "blobs", "sha256", digest.Hex)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(output, ".repro-get-*"));
    }

    [Fact]
    public async Task ASymlinkedBlobsFolderIsRefusedAndItsTargetUntouched()
    {
        using var fixture = new CacheFixture();
        var digest = await fixture.AddAsync(Bytes("package"), "x_1.0-1_amd64.deb");
        var output = fixture.Directory.Combine("bundle");
        var elsewhere = Directory.CreateDirectory(fixture.Directory.Combine("elsewhere", "sha256")).Parent!.FullName;
        Directory.CreateDirectory(output);
        Directory.CreateSymbolicLink(Path.Combine(output, "blobs"), elsewhere);

        var error = await Assert.ThrowsAsync<UnsafePathException>(() => WriteAsync(fixture, [new LockEntry("pool/x_1.0-1_amd64.deb", digest)], [], output));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(elsewhere, "sha256")));
    }

    [Fact]
    public async Task ACorruptBlobStopsTheBundleBeforeAnythingIsPublished()
    {
        using var fixture = new CacheFixture();
        var good = await fixture.AddAsync(Bytes("good"), "a_1_all.deb");
        var bad = await fixture.AddAsync(Bytes("bad"), "b_1_all.deb");
        VerifyAtUseTests.Flip(fixture.Cache.BlobPath(bad));
        var output = fixture.Directory.Combine("bundle");

        await Assert.ThrowsAsync<CorruptBlobException>(() =>
            WriteAsync(fixture, [new LockEntry("pool/a_1_all.deb", good), new LockEntry("pool/b_1_all.deb", bad)], [], output));

        Assert.False(Directory.Exists(output), "the folder the failed run made is gone with it");
        Assert.False(fixture.Cache.Contains(bad));
    }

    [Theory]
    [InlineData("install.sh")]
    [InlineData("bundle.sha256")]
    [InlineData("files.list")]
    public async Task ALockfileNamedLikeTheBundlesOwnFilesIsRefused(string name)
    {
        using var fixture = new CacheFixture();
        var digest = await fixture.AddAsync(Bytes("package"), "x_1.0-1_amd64.deb");
        var lockfile = fixture.Directory.WriteFile("locks/" + name, $"{digest.Hex}  pool/x_1.0-1_amd64.deb\n");

        var error = await Assert.ThrowsAsync<UnsafePathException>(() =>
            WriteAsync(fixture, [new LockEntry("pool/x_1.0-1_amd64.deb", digest)], [lockfile], fixture.Directory.Combine("bundle")));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fixture.Directory.Combine("bundle")));
    }

    [Fact]
    public async Task TwoEntriesWithOneBaseNameAreAnErrorNamingBoth()
    {
        using var fixture = new CacheFixture();
        var one = await fixture.AddAsync(Bytes("one"), "x_1.0-1_amd64.deb");
        var two = await fixture.AddAsync(Bytes("two"), "x_1.0-1_amd64.deb");

        var error = await Assert.ThrowsAsync<UnsafePathException>(() => WriteAsync(fixture,
            [new LockEntry("main/x_1.0-1_amd64.deb", one), new LockEntry("contrib/x_1.0-1_amd64.deb", two)], [], fixture.Directory.Combine("bundle")));

        Assert.Contains("main/x_1.0-1_amd64.deb", error.Message, StringComparison.Ordinal);
        Assert.Contains("contrib/x_1.0-1_amd64.deb", error.Message, StringComparison.Ordinal);
    }

    private static Task<BundleWriter.Result> WriteAsync(CacheFixture fixture, IReadOnlyList<LockEntry> files, IReadOnlyList<string> lockfiles,
        string output) =>
        BundleWriter.WriteAsync(fixture.Cache, files, lockfiles, Dpkg, output, provenance: null, attestations: [], alsoWrite: null, CancellationToken.None);
}
