using ReproGet.Core.Cache;
using ReproGet.Distros.Alpine.Tests.Builders;
using ReproGet.TestKit;

namespace ReproGet.Distros.Alpine.Tests.EndToEnd;

/// <summary>The real repro-get, as a user runs it, against a synthetic Alpine root and a loopback repository.</summary>
[Trait("Category", "Integration")]
public sealed class AlpineCommandLineTests
{
    [Fact]
    public async Task Hash_generate_then_download_by_hash_from_the_repository()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var busybox = scenario.Publish("busybox", "1.35.0-r17");
        var ssl = scenario.Publish("libssl1.1", "1.1.1s-r0");
        scenario.CacheIndex(busybox, ssl);
        scenario.Root.WriteInstalled(ssl, busybox);
        using var work = new TempDirectory();

        var generate = await scenario.RunAsync("hash", "generate");

        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.Equal(
            $"{busybox.Sha256.Hex}  v3.99/main/x86_64/busybox-1.35.0-r17.apk\n{ssl.Sha256.Hex}  v3.99/main/x86_64/libssl1.1-1.1.1s-r0.apk\n",
            generate.StandardOutput);
        Assert.Contains("Alpine deletes superseded packages", generate.StandardError);
        var lockfile = work.WriteFile("SHA256SUMS-x86_64", generate.StandardOutput);

        var freshCache = work.Combine("fresh-cache");
        var download = await CliRun.RunAsync(["--distro", "alpine", "--cache", freshCache, "--provider", scenario.Provider,
            "download", lockfile]);

        Assert.True(download.ExitCode == 0, download.ToString());
        using var cache = ContentCache.Open(freshCache);
        Assert.Equal(busybox.Bytes, await File.ReadAllBytesAsync(cache.BlobPath(busybox.Sha256)));
        Assert.Equal(ssl.Bytes, await File.ReadAllBytesAsync(cache.BlobPath(ssl.Sha256)));
        Assert.Equal(2, scenario.Server.RequestCount(scenario.PathOf(busybox.FileName)));
    }

    [Fact]
    public async Task Dedupe_leaves_out_what_the_base_lock_pins()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var musl = scenario.Publish("musl", "1.2.3-r0");
        var jq = scenario.Publish("jq", "1.6-r1");
        scenario.CacheIndex(musl, jq);
        scenario.Root.WriteInstalled(musl, jq);
        using var work = new TempDirectory();
        var baseLock = work.WriteFile("SHA256SUMS-base", scenario.LockLine(musl));

        var generate = await scenario.RunAsync("hash", "generate", "--dedupe", baseLock);

        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.Equal(scenario.LockLine(jq), generate.StandardOutput);
    }

    [Fact]
    public async Task A_mismatching_file_fails_hash_generate_with_one_clear_line()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var indexed = TestApkBuilder.Build("openssl", "3.0.7-r0", scenario.Key, payload: "one build");
        scenario.Serve(TestApkBuilder.Build("openssl", "3.0.7-r0", scenario.Key, payload: "another build"));
        scenario.CacheIndex(indexed);
        scenario.Root.WriteInstalled(indexed);

        var generate = await scenario.RunAsync("hash", "generate");

        Assert.Equal(1, generate.ExitCode);
        Assert.Equal("", generate.StandardOutput);
        Assert.Contains("openssl-3.0.7-r0.apk is not the file the index", generate.StandardError);
    }

    [Fact]
    public async Task Hash_update_relocks_after_an_upgrade_keeping_comments()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var old = TestApkBuilder.Build("curl", "7.83.1-r3", scenario.Key);
        var upgraded = scenario.Publish("curl", "7.83.1-r4");
        var zlib = scenario.Publish("zlib", "1.2.12-r3");
        scenario.CacheIndex(upgraded, zlib);
        scenario.Root.WriteInstalled(upgraded, zlib);
        using var work = new TempDirectory();
        var lockfile = work.WriteFile("SHA256SUMS", "# curl for the build\n" + scenario.LockLine(old) + scenario.LockLine(zlib));

        var update = await scenario.RunAsync("hash", "update", lockfile);

        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Equal("# curl for the build\n" + scenario.LockLine(upgraded) + scenario.LockLine(zlib), await File.ReadAllTextAsync(lockfile));
        Assert.Contains("curl: 7.83.1-r3 → 7.83.1-r4", update.StandardError);
    }

    [Fact]
    public async Task Install_fetches_and_verifies_then_needs_alpines_apk()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var jq = scenario.Publish("jq", "1.6-r1");
        using var work = new TempDirectory();

        var install = await scenario.RunAsync("install", work.WriteFile("SHA256SUMS", scenario.LockLine(jq)));

        Assert.Equal(1, install.ExitCode);
        Assert.Contains($"apk add --no-network --root {scenario.Root.Root}", install.StandardError);
        Assert.Contains("only on Alpine", install.StandardError);
        Assert.Equal(1, scenario.Server.RequestCount(scenario.PathOf(jq.FileName)));
    }

    [Fact]
    public async Task Install_refuses_a_package_signed_by_a_key_the_root_does_not_trust()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        using var stranger = new TestKey("stranger-22222222");
        var package = TestApkBuilder.Build("jq", "1.6-r1", stranger);
        scenario.Serve(package);
        using var work = new TempDirectory();

        var install = await scenario.RunAsync("install", work.WriteFile("SHA256SUMS", scenario.LockLine(package)));

        Assert.Equal(1, install.ExitCode);
        Assert.Contains("stranger-22222222.rsa.pub", install.StandardError);
        Assert.DoesNotContain("apk add", install.StandardError);
    }

    [Fact]
    public async Task Bundle_installs_with_apk_and_the_images_own_keys()
    {
        await using var scenario = await AlpineRepositoryScenario.StartAsync();
        var jq = scenario.Publish("jq", "1.6-r1");
        using var work = new TempDirectory();
        var bundle = work.Combine("bundle");

        var run = await scenario.RunAsync("bundle", work.WriteFile("SHA256SUMS", scenario.LockLine(jq)), "-o", bundle);

        Assert.True(run.ExitCode == 0, run.ToString());
        var script = await File.ReadAllTextAsync(Path.Combine(bundle, "install.sh"));
        Assert.Contains("apk add --no-network \"$@\"", script);
        Assert.DoesNotContain("--allow-untrusted", script);
        Assert.Equal(jq.Bytes, await File.ReadAllBytesAsync(Path.Combine(bundle, "blobs", "sha256", jq.Sha256.Hex)));
    }

    [Fact]
    public async Task Info_lists_the_mirror_and_the_cdn_and_warns_that_they_are_ephemeral()
    {
        using var root = new AlpineTestRoot();
        root.WriteRepositories("https://mirror.example/alpine/v3.20/main");

        var info = await CliRun.RunAsync(["--distro", "alpine", "--root", root.Root, "info"]);

        Assert.True(info.ExitCode == 0, info.ToString());
        Assert.Contains("Distro: alpine", info.StandardOutput);
        Assert.Contains("- https://mirror.example/alpine/{{.Name}}\n- https://dl-cdn.alpinelinux.org/alpine/{{.Name}}\n", info.StandardOutput);
        Assert.Contains("ephemeral", info.StandardError);
    }
}
