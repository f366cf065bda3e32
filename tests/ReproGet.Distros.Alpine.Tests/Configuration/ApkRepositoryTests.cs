using ReproGet.Distros.Alpine.Configuration;

namespace ReproGet.Distros.Alpine.Tests.Configuration;

public sealed class ApkRepositoryTests
{
    [Fact]
    public void Parses_a_repositories_file()
    {
        var repositories = ApkRepository.Parse(
        [
            "# comment",
            "https://dl-cdn.alpinelinux.org/alpine/v3.16/main",
            "",
            "  https://dl-cdn.alpinelinux.org/alpine/v3.16/community  ",
            "@testing https://dl-cdn.alpinelinux.org/alpine/edge/testing",
            "https://dl-cdn.alpinelinux.org/alpine/v3.16/main",
            "/home/builder/packages/main",
        ]);
        Assert.Equal(
        [
            new ApkRepository("https://dl-cdn.alpinelinux.org/alpine/v3.16/main", null),
            new ApkRepository("https://dl-cdn.alpinelinux.org/alpine/v3.16/community", null),
            new ApkRepository("https://dl-cdn.alpinelinux.org/alpine/edge/testing", "testing"),
            new ApkRepository("/home/builder/packages/main", null),
        ], repositories);
        Assert.True(repositories[3].IsLocal);
        Assert.False(repositories[0].IsLocal);
    }

    // repro-get's alpine_test: the mirror URL maps to this lockfile name.
    [Fact]
    public void Names_files_as_the_go_tool_did()
    {
        var repository = new ApkRepository("https://dl-cdn.alpinelinux.org/alpine/v3.16/main", null);
        Assert.Equal("v3.16/main/x86_64/ca-certificates-bundle-20220614-r0.apk",
            repository.LockNameFor("x86_64", "ca-certificates-bundle-20220614-r0.apk"));
        Assert.Equal("https://dl-cdn.alpinelinux.org/alpine/v3.16/main/x86_64/ca-certificates-bundle-20220614-r0.apk",
            repository.FileUrl("x86_64", "ca-certificates-bundle-20220614-r0.apk"));
        Assert.Equal(AlpineDistro.CdnProvider, repository.MirrorProvider);
    }

    [Theory]
    [InlineData("https://dl-cdn.alpinelinux.org/alpine/edge/community", "edge/community/aarch64/x-1-r0.apk", "https://dl-cdn.alpinelinux.org/alpine/{{.Name}}")]
    [InlineData("http://mirror.example/pub/alpine/v3.20/main/", "v3.20/main/aarch64/x-1-r0.apk", "http://mirror.example/pub/alpine/{{.Name}}")]
    [InlineData("/home/builder/packages/main", "packages/main/aarch64/x-1-r0.apk", "file:///home/builder/{{.Name}}")]
    [InlineData("http://host/main", "main/aarch64/x-1-r0.apk", "http://host/{{.Name}}")]
    public void Edge_mirrors_and_local_repositories_are_named_too(string url, string name, string provider)
    {
        var repository = new ApkRepository(url, null);
        Assert.Equal(name, repository.LockNameFor("aarch64", "x-1-r0.apk"));
        Assert.Equal(provider, repository.MirrorProvider);
        Assert.Equal(provider.Replace("{{.Name}}", name, StringComparison.Ordinal), repository.FileUrl("aarch64", "x-1-r0.apk"));
    }

    // File names apk printed for these repositories ("WARNING: Ignoring APKINDEX.70f61090.tar.gz"), quoted in
    // acobaugh/shinobi-docker#8, gliderlabs/docker-alpine#456 and #264. A trailing slash is part of the hashed text.
    [Theory]
    [InlineData("http://dl-cdn.alpinelinux.org/alpine/v3.11/main", "APKINDEX.70f61090.tar.gz")]
    [InlineData("http://dl-cdn.alpinelinux.org/alpine/v3.11/community", "APKINDEX.ca2fea5b.tar.gz")]
    [InlineData("http://dl-3.alpinelinux.org/alpine/edge/testing/", "APKINDEX.a424e5b4.tar.gz")]
    [InlineData("http://dl-cdn.alpinelinux.org/alpine/v3.8/main", "APKINDEX.adfa7ceb.tar.gz")]
    [InlineData("http://dl-cdn.alpinelinux.org/alpine/v3.4/main", "APKINDEX.167438ca.tar.gz")]
    public void Finds_the_index_where_apk_caches_it(string url, string cachedName) =>
        Assert.Equal(cachedName, new ApkRepository(url, null).CachedIndexFileName);
}
