using System.Security.Cryptography;
using System.Text;
using ReproGet.Core.Cache;
using ReproGet.Distros.Debian.Provenance;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Snapshot;

/// <summary>
/// The real <c>repro-get install</c> checks the lock's chain before dpkg runs: a lock of two test-signed packages found
/// through the loopback snapshot archive installs into a fresh root; the same lock with one byte of its Packages index
/// changed, or with its InRelease re-signed by a key the root does not trust, is refused naming the broken link, and
/// the root's dpkg database stays byte for byte as it was.
/// </summary>
[Trait("Category", "Integration")]
public sealed class InstallProvenanceGateTests(SnapshotServer snapshot) : IClassFixture<SnapshotServer>, IDisposable
{
    private readonly TempDirectory _work = new();

    [Fact]
    public async Task AnIntactSnapshotChainPassesTheGateAndDpkgInstalls()
    {
        var lockfile = await LockAsync(_ => { });
        using var root = FreshRoot();

        using var install = await InstallAsync(root, lockfile);

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Contains("provenance: all 2 packages are listed in signed indexes", install.StandardError, StringComparison.Ordinal);
        Assert.Equal("rgsnap-a 1.0-1 ii \nrgsnap-data 2:2.0-1 ii \n", Integration.DpkgInstallTests.Query(root));
    }

    [Fact]
    public async Task OneByteOfThePackagesIndexChangedIsRefusedBeforeDpkgRuns()
    {
        // "Package: rgsnap-a" becomes "package: rgsnap-a": one byte, same size.
        var lockfile = await LockAsync(lines => Replace(lines, "/main/binary-amd64/Packages", bytes => [(byte)(bytes[0] ^ 0x20), .. bytes[1..]]));
        using var root = FreshRoot();
        var status = File.ReadAllBytes(root.Context.RootPath("/var/lib/dpkg/status"));

        using var install = await InstallAsync(root, lockfile);

        Assert.Equal(1, install.ExitCode);
        Assert.Contains("provenance check failed for 2 of 2 packages, nothing was installed", install.StandardError, StringComparison.Ordinal);
        Assert.Contains($"{snapshot.OldA.PoolName}: index link broken: archive/debian/{SnapshotServer.OldTime}/dists/bookworm/main/binary-amd64/Packages: the Release lists",
            install.StandardError, StringComparison.Ordinal);
        AssertNothingReachedDpkg(root, status);
    }

    [Fact]
    public async Task AnInReleaseSignedByAnUnknownKeyIsRefusedBeforeDpkgRuns()
    {
        var lockfile = await LockAsync(lines => Replace(lines, "/InRelease", bytes => snapshot.Rogue.ClearSign(SignedText(bytes))));
        using var root = FreshRoot();
        var status = File.ReadAllBytes(root.Context.RootPath("/var/lib/dpkg/status"));

        using var install = await InstallAsync(root, lockfile);

        Assert.Equal(1, install.ExitCode);
        Assert.Contains($"{snapshot.OldA.PoolName}: signature link broken: archive/debian/{SnapshotServer.OldTime}/dists/bookworm/InRelease: signed by key ",
            install.StandardError, StringComparison.Ordinal);
        Assert.Contains("which is not in the keyring", install.StandardError, StringComparison.Ordinal);
        AssertNothingReachedDpkg(root, status);
    }

    [Fact]
    public async Task TheBundlesInstallShChecksASnapshotChainWithGpgv()
    {
        var good = await LockAsync(_ => { });
        var rogue = await LockAsync(lines => Replace(lines, "/InRelease", bytes => snapshot.Rogue.ClearSign(SignedText(bytes))));
        using var root = FreshRoot();
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        var refused = await BundleAndRunAsync(second, rogue, root);
        var installed = await BundleAndRunAsync(first, good, root);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"archive/debian/{SnapshotServer.OldTime}/dists/bookworm/InRelease: no good signature by a key in the bundle's keyrings",
            refused.StandardError, StringComparison.Ordinal);
        Assert.True(installed.ExitCode == 0, installed.StandardError);
        Assert.Contains("signature chain verified", installed.StandardError, StringComparison.Ordinal);
        Assert.Equal("rgsnap-a 1.0-1 ii \nrgsnap-data 2:2.0-1 ii \n", Integration.DpkgInstallTests.Query(root));
    }

    public void Dispose() => _work.Dispose();

    private Task<RealTool.Result> BundleAndRunAsync(TempDirectory temp, string lockfile, DebianRoot root) =>
        OfflineBundle.WriteAndInstallAsync(temp, "debian", snapshot.Http.Url("/sha256/{{.SHA256}}"), lockfile,
            new Dictionary<string, string> { ["dpkg"] = $"--root '{root.Path}'" },
            ["--provider", $"{snapshot.BaseUrl}archive/debian/{SnapshotServer.OldTime}/{{{{.Name}}}}", "--provider", $"{snapshot.BaseUrl}{{{{.Name}}}}",
                "--keyring", snapshot.Keyring]);

    private static void AssertNothingReachedDpkg(DebianRoot root, byte[] status)
    {
        Assert.Equal(status, File.ReadAllBytes(root.Context.RootPath("/var/lib/dpkg/status")));
        Assert.False(Directory.Exists(root.Context.RootPath("/usr/share/rgsnap-a")));
        Assert.Equal("", Integration.DpkgInstallTests.Query(root));
    }

    // Locks a root whose two installed versions only the snapshot archive has (the chain goes into the lock and the
    // cache), lets the test change lines, and writes the lockfile.
    private async Task<string> LockAsync(Action<List<string>> change)
    {
        using var locked = TrustingRoot().WithInstalled($"{snapshot.OldA.Name},{snapshot.OldA.Version},amd64", $"{snapshot.OldAll.Name},{snapshot.OldAll.Version},all")
            .WithFile("etc/apt/sources.list.d/debian.sources",
                $"Types: deb\n# http://snapshot.debian.org/archive/debian/{SnapshotServer.OldTime}\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\n");
        var context = locked.Context with { SnapshotArchive = snapshot.BaseUrl, Repositories = new HttpRepositoryReader(), Cache = new CacheAccess(Cache) };
        var result = await new DebianDistro().Locker.LockAsync(context, [], CancellationToken.None);
        Assert.Null(result.Missing);
        var lines = result.Files.Select(f => $"{f.Sha256.Hex}  {f.Name}").ToList();
        Assert.Equal(4, lines.Count);
        change(lines);
        return _work.WriteFile($"SHA256SUMS-{Guid.NewGuid():N}", string.Concat(lines.Select(l => l + "\n")));
    }

    // Swaps the line whose name ends with the suffix for the changed bytes of its file, served by hash.
    private void Replace(List<string> lines, string suffix, Func<byte[], byte[]> change)
    {
        var index = lines.FindIndex(l => ProofName.IsProof(l[66..]) && l.EndsWith(suffix, StringComparison.Ordinal));
        var original = File.ReadAllBytes(Path.Combine(Cache, "blobs", "sha256", lines[index][..64]));
        var changed = change(original);
        Assert.NotEqual(original, changed);
        snapshot.Http.ServeBySha256(changed);
        lines[index] = Convert.ToHexStringLower(SHA256.HashData(changed)) + lines[index][64..];
    }

    private Task<ReproGetProcess> InstallAsync(DebianRoot root, string lockfile) => ReproGetProcess.RunAsync(
    [
        "--root", root.Path, "--distro", "debian", "--cache", Cache,
        "--provider", snapshot.Http.Url("/sha256/{{.SHA256}}"),
        "--provider", $"{snapshot.BaseUrl}archive/debian/{SnapshotServer.OldTime}/{{{{.Name}}}}",
        "--provider", $"{snapshot.BaseUrl}{{{{.Name}}}}",
        "install", lockfile,
    ]);

    private string Cache => _work.Combine("cache");

    private DebianRoot FreshRoot() => TrustingRoot().WithStatus("");

    private DebianRoot TrustingRoot()
    {
        var root = new DebianRoot().WithFile("etc/apt/trusted.gpg.d/test-snapshot.gpg", "");
        File.Copy(snapshot.Keyring, Path.Combine(root.Path, "etc/apt/trusted.gpg.d/test-snapshot.gpg"), overwrite: true);
        return root;
    }

    // The text a clear-signed InRelease signs (dash-escaping undone), to sign again with another key.
    private static byte[] SignedText(byte[] inRelease)
    {
        var text = Encoding.UTF8.GetString(inRelease).Replace("\r", "", StringComparison.Ordinal);
        var start = text.IndexOf("\n\n", StringComparison.Ordinal) + 2;
        var end = text.IndexOf("\n-----BEGIN PGP SIGNATURE-----", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text[start..end].Replace("\n- ", "\n", StringComparison.Ordinal) + "\n");
    }
}
