using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Distros.Alpine.Signing;
using ReproGet.Distros.Alpine.Tests.Builders;
using ReproGet.TestKit;

namespace ReproGet.Distros.Alpine.Tests.Installing;

public sealed class AlpineInstallerTests
{
    private static CachedFile Cached(TempDirectory directory, BuiltPackage package, byte[]? bytes = null, string? name = null) =>
        new(new LockEntry(name ?? $"v3.99/main/x86_64/{package.FileName}", package.Sha256),
            directory.WriteFile("blobs/" + package.Sha256.Hex, bytes ?? package.Bytes));

    private static AlpineDistro Distro => new();

    [Fact]
    public async Task Packages_installed_at_the_locked_version_are_skipped()
    {
        using var root = new AlpineTestRoot();
        using var key = new TestKey("k");
        var bash = TestApkBuilder.Build("bash", "5.1.16-r2", key);
        var musl = TestApkBuilder.Build("musl", "1.2.3-r0", key);
        root.WriteInstalled(bash, TestApkBuilder.Build("musl", "1.2.2-r7", key));
        LockEntry[] entries =
        [
            new("v3.16/main/x86_64/bash-5.1.16-r2.apk", bash.Sha256),
            new("v3.16/main/x86_64/musl-1.2.3-r0.apk", musl.Sha256),
            new("v3.16/main/x86_64/curl-7.83.1-r4.apk", musl.Sha256),
        ];

        var toInstall = await Distro.Installer.SelectNotInstalledAsync(root.Context, entries, CancellationToken.None);

        Assert.Equal([entries[1], entries[2]], toInstall);
    }

    [Fact]
    public async Task A_badly_signed_package_stops_the_install_before_apk_runs()
    {
        using var root = new AlpineTestRoot();
        using var files = new TempDirectory();
        using var trusted = new TestKey("trusted");
        using var stranger = new TestKey("stranger");
        root.Trust(trusted);
        var good = TestApkBuilder.Build("zlib", "1.2.12-r3", trusted);
        var bad = TestApkBuilder.Build("xz-libs", "5.2.5-r1", stranger);

        var error = await Assert.ThrowsAsync<ApkVerificationException>(() => Distro.Installer.InstallAsync(root.Context,
            [Cached(files, good), Cached(files, bad)], [], CancellationToken.None));

        Assert.Contains("xz-libs-5.2.5-r1.apk", error.Message);
        Assert.Contains(bad.Sha256.Hex, error.Message);
        Assert.DoesNotContain(root.Log.Infos, i => i.Contains("apk add", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_blob_that_is_another_package_than_its_lockfile_name_is_refused()
    {
        using var root = new AlpineTestRoot();
        using var files = new TempDirectory();
        using var key = new TestKey("trusted");
        root.Trust(key);
        var package = TestApkBuilder.Build("zlib", "1.2.12-r3", key);

        var error = await Assert.ThrowsAsync<ApkVerificationException>(() => Distro.Installer.InstallAsync(root.Context,
            [Cached(files, package, name: "v3.99/main/x86_64/zlib-1.2.13-r0.apk")], [], CancellationToken.None));

        Assert.Contains("is zlib-1.2.12-r3, not the zlib-1.2.13-r0", error.Message);
    }

    // apk is not packaged for Debian: on these machines the verified install stops at running apk, and says so.
    [Fact]
    public async Task Verified_packages_are_handed_to_apk_which_only_alpine_has()
    {
        using var root = new AlpineTestRoot();
        using var files = new TempDirectory();
        using var key = new TestKey("trusted");
        root.Trust(key);
        var package = TestApkBuilder.Build("zlib", "1.2.12-r3", key);

        var error = await Assert.ThrowsAsync<ReproGetException>(() => Distro.Installer.InstallAsync(root.Context,
            [Cached(files, package)], [], CancellationToken.None));

        Assert.Contains($"apk add --no-network --root {root.Root} ", error.Message);
        Assert.Contains("zlib-1.2.12-r3.apk", error.Message);
        Assert.Contains("only on Alpine", error.Hint);
        Assert.Contains(root.Log.Infos, i => i.Contains("with 1 packages", StringComparison.Ordinal));
    }
}
