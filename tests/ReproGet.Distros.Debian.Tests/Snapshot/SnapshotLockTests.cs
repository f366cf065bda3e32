using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Verify;
using ReproGet.Distros.Debian.Provenance;
using ReproGet.Formats.Compression;
using ReproGet.Formats.Deb822;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Snapshot;

/// <summary>
/// <c>hash generate</c> on roots whose installed versions apt's lists lack, resolved through a loopback snapshot
/// archive: hashes come only from indexes whose InRelease gpgv accepts with the root's keys and whose hash that
/// InRelease lists; every broken link is refused and named.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SnapshotLockTests(SnapshotServer snapshot) : IClassFixture<SnapshotServer>
{
    private const string SecurityLists = "/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security";

    [Fact]
    public async Task ARootWhoseVersionsAreOnlyInAnOlderSnapshotLocksThemAllWithNoneLeftOut()
    {
        using var root = Root(SnapshotServer.OldTime, (snapshot.OldA, "amd64"), (snapshot.OldAll, "all"), (snapshot.ApiOnly, "amd64"));
        using var cache = new TempDirectory();

        var result = await LockAsync(root, cache.Path);

        Assert.Null(result.Missing);
        Assert.Equal(new[] { snapshot.ApiOnly.LockLine, snapshot.OldA.LockLine, snapshot.OldAll.LockLine }.Order(StringComparer.Ordinal),
            Packages(result).Select(f => $"{f.Sha256.Hex}  {f.Name}\n").Order(StringComparer.Ordinal));
        // Each time's chain, named by the snapshot archive's own path: two times of one suite cannot clash.
        Assert.Equal(
        [
            $"archive/debian/{SnapshotServer.OldTime}/dists/bookworm/InRelease",
            $"archive/debian/{SnapshotServer.OldTime}/dists/bookworm/main/binary-amd64/Packages",
            $"archive/debian/{SnapshotServer.ApiTime}/dists/bookworm/InRelease",
            $"archive/debian/{SnapshotServer.ApiTime}/dists/bookworm/main/binary-amd64/Packages",
        ], Chain(result).Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheSnapshotChainInTheLockVerifiesOfflineFromTheCache()
    {
        using var root = Root(SnapshotServer.OldTime, (snapshot.OldA, "amd64"), (snapshot.OldAll, "all"), (snapshot.ApiOnly, "amd64"));
        using var cache = new TempDirectory();
        var result = await LockAsync(root, cache.Path);
        var entries = Sha256SumsReader.Parse(cache.Combine("SHA256SUMS"), [.. result.Files.Select(f => $"{f.Sha256.Hex}  {f.Name}")], null);
        var distro = new DebianDistro();
        var open = new CacheAccess(cache.Path).Open();

        var report = await ProvenanceCheck.RunAsync(distro, root.Context, open, entries, [], requireProven: true, CancellationToken.None);
        var otherKey = await ProvenanceCheck.RunAsync(distro, root.Context, open, entries, ["/usr/share/keyrings/debian-archive-keyring.gpg"],
            requireProven: true, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Rows.Select(r => $"{r.Entry.Name}: {r.Summary}")));
        Assert.Equal(3, report.Count(VerificationStatus.Verified));
        var apiOnly = report.Rows.Single(r => r.Entry.Name == snapshot.ApiOnly.PoolName);
        Assert.Contains(new KeyValuePair<string, string>("index", $"archive/debian/{SnapshotServer.ApiTime}/dists/bookworm/main/binary-amd64/Packages"), apiOnly.Details);
        Assert.Contains(new KeyValuePair<string, string>("suite", "bookworm"), apiOnly.Details);
        Assert.Equal(3, otherKey.Count(VerificationStatus.Failed));
        Assert.All(otherKey.Rows, r => Assert.Contains("signature link broken", r.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReLockingWithTheSameCacheFetchesNoIndexAgain()
    {
        using var root = Root(SnapshotServer.OldTime, (snapshot.OldA, "amd64"), (snapshot.OldAll, "all"));
        using var cache = new TempDirectory();
        var inRelease = $"/archive/debian/{SnapshotServer.OldTime}/dists/bookworm/InRelease";

        await LockAsync(root, cache.Path);
        var before = snapshot.Http.RequestCount(inRelease);
        var again = await LockAsync(root, cache.Path);

        Assert.Null(again.Missing);
        Assert.Equal(2, Packages(again).Count());
        Assert.Equal(2, Chain(again).Count());
        Assert.True(before >= 1);
        Assert.Equal(before, snapshot.Http.RequestCount(inRelease));
    }

    [Fact]
    public async Task ThisMachinesRealSignedListsServedAsASnapshotLockTheRealInstalledVersions()
    {
        var inRelease = await File.ReadAllBytesAsync(SecurityLists + "_InRelease");
        var plain = ReadPlain(SecurityLists + "_main_binary-amd64_Packages.lz4");
        snapshot.ServeReal("debian-security", "bookworm-security", inRelease, plain);
        var listed = Stanzas(plain);
        var installed = RealTool.Run("dpkg-query", "-W", "-f", "${Package},${Version},${Architecture}\n").Split('\n').ToHashSet(StringComparer.Ordinal);
        var expected = listed.Where(s => installed.Contains($"{s.Name},{s.Version},{s.Architecture}")).ToList();
        Assert.True(expected.Count > 5, $"only {expected.Count} installed versions are in this machine's bookworm-security list");
        using var root = new DebianRoot()
            .WithInstalled([.. expected.Select(s => $"{s.Name},{s.Version},{s.Architecture}")])
            .WithFile("etc/apt/sources.list.d/debian.sources",
                $"Types: deb\n# http://snapshot.debian.org/archive/debian-security/{SnapshotServer.RealTime}\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\n")
            .WithFile("usr/share/keyrings/debian-archive-keyring.gpg", "");
        File.Copy("/usr/share/keyrings/debian-archive-keyring.gpg", Path.Combine(root.Path, "usr/share/keyrings/debian-archive-keyring.gpg"), overwrite: true);
        using var cache = new TempDirectory();

        var result = await LockAsync(root, cache.Path);

        Assert.Null(result.Missing);
        Assert.Equal(expected.Select(s => $"{s.Sha256}  {s.Filename}").Order(StringComparer.Ordinal),
            Packages(result).Select(f => $"{f.Sha256.Hex}  {f.Name}").Order(StringComparer.Ordinal));
        Assert.Contains(result.Files, f => f.Name == $"archive/debian-security/{SnapshotServer.RealTime}/dists/bookworm-security/InRelease"
            && f.Sha256.Hex == Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(inRelease)));
    }

    [Fact]
    public async Task AnIndexThatDoesNotMatchItsInReleaseIsRefusedAndNamed()
    {
        const string time = "20250701T000000Z";
        var tampered = snapshot.OldA.Stanza.Replace(snapshot.OldA.Sha256.Hex, new string('0', 64), StringComparison.Ordinal);
        snapshot.ServeSuite("debian", time, "bookworm", snapshot.OldA.Stanza, snapshot.Key, servedIndex: tampered);
        using var root = Root(time, (snapshot.OldA, "amd64"));
        using var cache = new TempDirectory();

        var result = await LockAsync(root, cache.Path);

        Assert.Empty(result.Files);
        var missing = Assert.Single(result.Missing!.Packages);
        Assert.Contains($"refused: {snapshot.BaseUrl}archive/debian/{time}/dists/bookworm/main/binary-amd64/Packages: the Release lists main/binary-amd64/Packages with sha256",
            missing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInReleaseSignedByAnUnknownKeyIsRefusedAndNamed()
    {
        const string time = "20250702T000000Z";
        snapshot.ServeSuite("debian", time, "bookworm", snapshot.OldA.Stanza, snapshot.Rogue);
        using var root = Root(time, (snapshot.OldA, "amd64"));
        using var cache = new TempDirectory();

        var result = await LockAsync(root, cache.Path);

        Assert.Empty(result.Files);
        var reason = Assert.Single(result.Missing!.Packages).Reason;
        Assert.Contains($"refused: {snapshot.BaseUrl}archive/debian/{time}/dists/bookworm/InRelease: ", reason, StringComparison.Ordinal);
        Assert.Contains(root.Log.Warnings, w => w.Contains("InRelease", StringComparison.Ordinal) && w.Contains("refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnApiAnswerPointingAtAnotherPackagesFileIsRefusedAndNamed()
    {
        // rgsnap-wrong 9.0-1 is installed; the API says its file is rgsnap-a's, which the signed index lists as rgsnap-a.
        var wrong = snapshot.OldA with { Name = "rgsnap-wrong", Version = "9.0-1" };
        snapshot.ServeFileInfo(wrong, snapshot.OldA.PoolName, SnapshotServer.ApiTime);
        using var root = Root(SnapshotServer.OldTime, (wrong, "amd64"));
        using var cache = new TempDirectory();

        var result = await LockAsync(root, cache.Path);

        Assert.Empty(result.Files);
        var reason = Assert.Single(result.Missing!.Packages).Reason;
        Assert.Contains($"refused: the API points rgsnap-wrong:amd64=9.0-1 at {snapshot.OldA.PoolName}, which the signed index", reason, StringComparison.Ordinal);
        Assert.Contains("lists as rgsnap-a 1.0-1", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutASnapshotArchiveTheVersionsStayMissingAsBefore()
    {
        using var root = Root(SnapshotServer.OldTime, (snapshot.OldA, "amd64"));

        var result = await new DebianDistro().Locker.LockAsync(root.Context, [], CancellationToken.None);

        Assert.Empty(result.Files);
        Assert.Equal("rgsnap-a:amd64=1.0-1", Assert.Single(result.Missing!.Packages).Package);
    }

    private static IEnumerable<LockedFile> Packages(LockResult result) => result.Files.Where(f => !ProofName.IsProof(f.Name));

    private static IEnumerable<LockedFile> Chain(LockResult result) => result.Files.Where(f => ProofName.IsProof(f.Name));

    private DebianRoot Root(string imageTime, params (Integration.DebPackage Deb, string Architecture)[] installed)
    {
        var root = new DebianRoot()
            .WithInstalled([.. installed.Select(i => $"{i.Deb.Name},{i.Deb.Version},{i.Architecture}")])
            .WithFile("etc/apt/sources.list.d/debian.sources",
                $"Types: deb\n# http://snapshot.debian.org/archive/debian/{imageTime}\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\n"
                + "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n")
            .WithFile("etc/apt/trusted.gpg.d/test-snapshot.gpg", "");
        File.Copy(snapshot.Keyring, Path.Combine(root.Path, "etc/apt/trusted.gpg.d/test-snapshot.gpg"), overwrite: true);
        return root;
    }

    private Task<LockResult> LockAsync(DebianRoot root, string cacheRoot)
    {
        var context = root.Context with
        {
            SnapshotArchive = snapshot.BaseUrl,
            Repositories = new HttpRepositoryReader(),
            Cache = new CacheAccess(cacheRoot),
        };
        return new DebianDistro().Locker.LockAsync(context, [], CancellationToken.None);
    }

    private static List<(string Name, string Version, string Architecture, string Filename, string Sha256)> Stanzas(byte[] plain)
    {
        var all = new List<(string, string, string, string, string)>();
        using var reader = new Deb822Reader(new MemoryStream(plain), "index");
        while (reader.TryRead(out var s))
        {
            all.Add((s["Package"]!, s["Version"]!, s["Architecture"]!, s["Filename"]!, s["SHA256"]!));
        }
        return all;
    }

    private static byte[] ReadPlain(string path)
    {
        using var stream = Decompression.OpenFile(path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
