using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Distros.Alpine.Signing;
using ReproGet.Distros.Alpine.Tests.Builders;

namespace ReproGet.Distros.Alpine.Tests.Locking;

[Trait("Category", "Integration")]
public sealed class AlpineLockerTests
{
    [Fact]
    public async Task Locks_every_installed_package_by_reading_each_file_once()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var busybox = scenario.Publish("busybox", "1.35.0-r17");
        var musl = scenario.Publish("musl", "1.2.3-r0");
        scenario.CacheIndex(busybox, musl);
        scenario.Root.WriteInstalled(busybox, musl);

        var locked = await scenario.LockAsync();

        Assert.Equal(
            [(busybox.Sha256, "v3.99/main/x86_64/busybox-1.35.0-r17.apk"), (musl.Sha256, "v3.99/main/x86_64/musl-1.2.3-r0.apk")],
            locked.Select(l => (l.Sha256, l.Name)).OrderBy(l => l.Name, StringComparer.Ordinal));
        Assert.Equal(1, scenario.Server.RequestCount(scenario.PathOf(busybox.FileName)));
        using (var cache = ContentCache.Open(scenario.Root.Cache))
        {
            Assert.Equal(busybox.Bytes, await File.ReadAllBytesAsync(cache.BlobPath(busybox.Sha256)));
            Assert.Equal(musl.Sha256, cache.FindByOrigin(scenario.Server.Url(scenario.PathOf(musl.FileName))));
            Assert.Equal(musl.FileName, cache.ReadBasename(musl.Sha256));
        }
        Assert.Contains(scenario.Root.Log.Warnings, w => w.Contains("Alpine deletes superseded packages", StringComparison.Ordinal)
            && w.Contains("oci push", StringComparison.Ordinal) && w.Contains("ipfs push", StringComparison.Ordinal));

        var again = await scenario.LockAsync();
        Assert.Equal(locked.OrderBy(l => l.Name), again.OrderBy(l => l.Name));
        Assert.Equal(1, scenario.Server.RequestCount(scenario.PathOf(busybox.FileName)));
        Assert.Equal(1, scenario.Server.RequestCount(scenario.PathOf(musl.FileName)));
    }

    [Fact]
    public async Task Takes_the_file_from_apks_own_cache_without_the_network()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var zlib = TestApkBuilder.Build("zlib", "1.2.12-r3", scenario.Key);
        scenario.CacheIndex(zlib);
        scenario.Root.WriteInstalled(zlib);
        scenario.Root.CachePackage(zlib);

        var locked = Assert.Single(await scenario.LockAsync());

        Assert.Equal(zlib.Sha256, locked.Sha256);
        Assert.Equal(scenario.NameOf(zlib), locked.Name);
        Assert.Empty(scenario.Server.Requests);
    }

    [Fact]
    public async Task Edge_repositories_are_named_edge()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync("edge");
        var tool = scenario.Publish("neofetch", "7.1.0-r1");
        scenario.CacheIndex(tool);
        scenario.Root.WriteInstalled(tool);

        var locked = Assert.Single(await scenario.LockAsync());

        Assert.Equal("edge/main/x86_64/neofetch-7.1.0-r1.apk", locked.Name);
        Assert.Equal(tool.Sha256, locked.Sha256);
    }

    [Fact]
    public async Task The_installed_build_is_locked_by_its_checksum_and_a_named_package_not_installed_gets_the_newest()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var installedBash = scenario.Publish("bash", "5.1.16-r2");
        var newerBash = scenario.Publish("bash", "5.1.16-r10");
        var oldCurl = TestApkBuilder.Build("curl", "7.83.1-r9", scenario.Key);
        var newCurl = scenario.Publish("curl", "7.83.1-r10");
        scenario.CacheIndex(newerBash, installedBash, oldCurl, newCurl);
        scenario.Root.WriteInstalled(installedBash);

        var locked = await scenario.LockAsync("bash", "curl");

        Assert.Equal([scenario.NameOf(installedBash), scenario.NameOf(newCurl)], locked.Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, scenario.Server.RequestCount(scenario.PathOf(newerBash.FileName)));
    }

    [Fact]
    public async Task The_index_is_fetched_when_apks_cache_has_none()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var jq = scenario.Publish("jq", "1.6-r1");
        scenario.Server.Serve(scenario.PathOf("APKINDEX.tar.gz"), TestIndexBuilder.Build([jq], scenario.Key));
        scenario.Root.WriteInstalled(jq);

        var locked = Assert.Single(await scenario.LockAsync());

        Assert.Equal(jq.Sha256, locked.Sha256);
        Assert.Equal(1, scenario.Server.RequestCount(scenario.PathOf("APKINDEX.tar.gz")));
    }

    [Fact]
    public async Task A_file_that_is_not_the_build_the_index_names_is_refused_and_not_remembered()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var indexed = TestApkBuilder.Build("openssl", "3.0.7-r0", scenario.Key, payload: "the build the index names");
        var served = TestApkBuilder.Build("openssl", "3.0.7-r0", scenario.Key, payload: "a rebuild with other bytes");
        scenario.Serve(served);
        scenario.CacheIndex(indexed);
        scenario.Root.WriteInstalled(indexed);

        var error = await Assert.ThrowsAsync<ApkVerificationException>(() => scenario.LockAsync());

        Assert.Contains($"its control checksum is {served.Checksum}, the index says {indexed.Checksum}", error.Message);
        using var cache = ContentCache.Open(scenario.Root.Cache);
        Assert.False(cache.Contains(served.Sha256));
        Assert.Null(cache.FindByOrigin(scenario.Server.Url(scenario.PathOf(served.FileName))));
        Assert.Empty(Directory.GetFiles(cache.BlobDirectory));
    }

    [Fact]
    public async Task A_package_signed_by_an_untrusted_key_is_refused()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        using var stranger = new TestKey("stranger-00000000");
        var package = TestApkBuilder.Build("libcurl", "7.83.1-r4", stranger);
        scenario.Serve(package);
        scenario.CacheIndex(package);
        scenario.Root.WriteInstalled(package);

        var error = await Assert.ThrowsAsync<ApkVerificationException>(() => scenario.LockAsync());

        Assert.Contains("stranger-00000000.rsa.pub", error.Message);
        Assert.Contains("none of these keys", error.Message);
    }

    [Fact]
    public async Task A_package_whose_data_was_changed_after_signing_is_refused()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var package = TestApkBuilder.Build("tzdata", "2022f-r1", scenario.Key);
        scenario.Server.Serve(scenario.PathOf(package.FileName), TestApkBuilder.WithAlteredData(package));
        scenario.CacheIndex(package);
        scenario.Root.WriteInstalled(package);

        var error = await Assert.ThrowsAsync<ApkVerificationException>(() => scenario.LockAsync());

        Assert.Contains("does not match the signed control data", error.Message);
    }

    [Fact]
    public async Task An_index_signed_by_an_untrusted_key_is_an_error_not_a_skipped_repository()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        using var stranger = new TestKey("stranger-11111111");
        var package = scenario.Publish("xz", "5.2.5-r1");
        scenario.Root.CacheIndex(scenario.Repository, TestIndexBuilder.Build([package], stranger));
        scenario.Root.WriteInstalled(package);

        var error = await Assert.ThrowsAsync<ApkVerificationException>(() => scenario.LockAsync());

        Assert.Contains(scenario.Repository.CachedIndexFileName, error.Message);
    }

    [Fact]
    public async Task A_package_alpine_deleted_fails_the_lock_unless_gaps_are_allowed()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var kept = scenario.Publish("libssl3", "3.0.7-r0");
        var deleted = TestApkBuilder.Build("libcrypto3", "3.0.5-r0", scenario.Key);
        scenario.CacheIndex(kept);
        scenario.Root.WriteInstalled(kept, deleted);

        var error = await Assert.ThrowsAsync<ReproGetException>(() => scenario.LockAsync());
        Assert.Contains("libcrypto3-3.0.5-r0 is installed, but no configured index lists that exact file", error.Message);
        Assert.Contains("--allow-missing", error.Hint);

        var locked = Assert.Single(await scenario.LockAsync(allowMissing: true));
        Assert.Equal(kept.Sha256, locked.Sha256);
        Assert.Contains(scenario.Root.Log.Warnings, w => w.Contains("libcrypto3-3.0.5-r0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_repository_is_skipped_with_a_warning_when_another_has_the_files()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var package = scenario.Publish("lz4-libs", "1.9.3-r1");
        scenario.CacheIndex(package);
        scenario.Root.WriteInstalled(package);
        scenario.Root.WriteRepositories(scenario.Repository.Url, $"{scenario.Server.BaseUrl}/alpine/{scenario.Release}/community");

        var locked = Assert.Single(await scenario.LockAsync());

        Assert.Equal(package.Sha256, locked.Sha256);
        Assert.Contains(scenario.Root.Log.Warnings, w => w.StartsWith("skipping repository", StringComparison.Ordinal) && w.Contains("community", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_root_without_apk_is_named_in_the_error()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var error = await Assert.ThrowsAsync<ReproGetException>(() => scenario.LockAsync());
        Assert.Contains("lib/apk/db/installed", error.Message);
        Assert.Contains("--root", error.Hint);
    }
}
