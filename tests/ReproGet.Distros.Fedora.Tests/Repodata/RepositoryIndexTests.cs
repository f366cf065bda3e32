using ReproGet.Core.Errors;
using ReproGet.Distros.Fedora.Repodata;
using ReproGet.TestKit;

namespace ReproGet.Distros.Fedora.Tests.Repodata;

public sealed class RepositoryIndexTests : IDisposable
{
    private readonly TempDirectory _root = new();

    [Fact]
    public async Task FindsDnfsCachedRepositoriesAndTheirPackagesByIdentity()
    {
        CacheRepository("var/cache/dnf/custom-0123456789abcdef");

        var repositories = CachedRepository.Find(RootPath);
        var index = await RepositoryIndex.LoadAsync(repositories, CancellationToken.None);

        Assert.Equal("custom", Assert.Single(repositories).Id);
        Assert.Equal("ef05a91ed8bf760cb4d31024c9b5345eda6c1cfd93a01b63b04d4bfa4839bc1c",
            index.Find("pkg-with-no-deps", 0, "1.0.0", "0", "noarch")?.Sha256.Hex);
        Assert.Null(index.Find("pkg-with-no-deps", 1, "1.0.0", "0", "noarch"));
    }

    [Fact]
    public async Task FindsDnf5sCacheToo()
    {
        CacheRepository("var/cache/libdnf5/fedora-0123456789abcdef");

        var index = await RepositoryIndex.LoadAsync(CachedRepository.Find(RootPath), CancellationToken.None);

        Assert.Equal(["fedora"], index.Repositories);
    }

    [Fact]
    public async Task APrimaryWhoseHashDiffersFromRepomdIsAnError()
    {
        var repodata = CacheRepository("var/cache/dnf/custom-0123456789abcdef");
        var primary = Directory.EnumerateFiles(repodata, "*-primary.xml.zst").Single();
        var bytes = File.ReadAllBytes(primary);
        bytes[^1] ^= 1;
        File.WriteAllBytes(primary, bytes);

        var error = await Assert.ThrowsAsync<ReproGetException>(
            () => RepositoryIndex.LoadAsync(CachedRepository.Find(RootPath), CancellationToken.None));

        Assert.Contains("but " + Path.Combine(repodata, "repomd.xml") + " says fe9ca8250ddf", error.Message);
        Assert.Contains("dnf makecache --repo custom", error.Hint);
    }

    public void Dispose() => _root.Dispose();

    private string RootPath(string absolute) => _root.Combine(absolute.TrimStart('/'));

    private string CacheRepository(string directory)
    {
        var repodata = _root.Combine(directory, "repodata");
        Directory.CreateDirectory(repodata);
        foreach (var file in Directory.EnumerateFiles(FixturePath.Get("rpm", "createrepo-single-pkg", "repodata")))
        {
            File.Copy(file, Path.Combine(repodata, Path.GetFileName(file)));
        }
        return repodata;
    }
}
