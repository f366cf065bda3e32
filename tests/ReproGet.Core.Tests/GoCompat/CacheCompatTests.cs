using ReproGet.Core.Cache;
using ReproGet.Core.Hashing;
using ReproGet.TestKit;

namespace ReproGet.Core.Tests.GoCompat;

/// <summary>The cache is shared with Go repro-get (reference §6).</summary>
public sealed class CacheCompatTests
{
    [Fact]
    public void Kept_ACacheWrittenByTheGoToolIsReadable()
    {
        using var dir = new TempDirectory();
        var bytes = "hello"u8.ToArray();
        var hex = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        dir.WriteFile($"cache/blobs/sha256/{hex}", bytes);
        dir.WriteFile($"cache/metadata/sha256/{hex}", """{"Basename":"hello_2.10-2_amd64.deb"}""");

        using var cache = ContentCache.Open(dir.Combine("cache"));

        var blob = Assert.Single(cache.List());
        Assert.Equal((hex, 5L, "hello_2.10-2_amd64.deb"), (blob.Sha256.Hex, blob.Size, blob.Basename));
        Assert.True(cache.Contains(Sha256Digest.Parse(hex)));
    }

    [Fact]
    public async Task Fixed_ImportTakesRelativePaths()
    {
        // Go built "file://" + a relative path, whose first segment became the URL host: nothing was imported, exit 0.
        using var dir = new TempDirectory();
        using var cache = ContentCache.Open(dir.Combine("cache"));
        var file = dir.WriteFile("in/x.deb", "x");
        var relativeDirectory = Path.GetRelativePath(Environment.CurrentDirectory, Path.GetDirectoryName(file)!);

        var result = await new CacheImporter(cache).ImportAsync([relativeDirectory], CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.True(cache.Contains(Assert.Single(result.Imported).Sha256));
    }
}
