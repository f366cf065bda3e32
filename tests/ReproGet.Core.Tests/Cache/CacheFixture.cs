using System.Security.Cryptography;
using ReproGet.Core.Cache;
using ReproGet.Core.Hashing;
using ReproGet.TestKit;

namespace ReproGet.Core.Tests.Cache;

/// <summary>A fresh cache in a temp directory, with helpers to put known bytes in it.</summary>
internal sealed class CacheFixture : IDisposable
{
    public CacheFixture()
    {
        Cache = ContentCache.Open(Directory.Combine("cache"));
    }

    public TempDirectory Directory { get; } = new();

    public ContentCache Cache { get; }

    public static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static Sha256Digest DigestOf(byte[] bytes) => Sha256Digest.FromBytes(SHA256.HashData(bytes));

    /// <summary>Commits <paramref name="bytes"/> as a download would; returns the digest.</summary>
    public async Task<Sha256Digest> AddAsync(byte[] bytes, string? basename)
    {
        var digest = DigestOf(bytes);
        await using var pending = Cache.BeginWrite();
        await pending.WriteAsync(bytes, CancellationToken.None);
        await pending.CommitAsync(digest, basename, "test", CancellationToken.None);
        return digest;
    }

    public IReadOnlyList<string> TempFiles() =>
        [.. System.IO.Directory.EnumerateFiles(Cache.Root, "*.tmp", SearchOption.AllDirectories)];

    public void Dispose()
    {
        Cache.Dispose();
        Directory.Dispose();
    }
}
