using System.Text;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.TestKit;

namespace ReproGet.Core.Tests.Lockfiles;

/// <summary>Malformed and hostile lockfiles (fixtures/broken): one clear error naming file and line, and nothing written.</summary>
public sealed class HostileLockfileTests
{
    public static TheoryData<string, int, string> BrokenLockfiles() => new()
    {
        { "path-traversal.SHA256SUMS", 2, "must not start with '..'" },
        { "absolute-name.SHA256SUMS", 2, "must be relative" },
        { "ipfs-subpath.SHA256SUMS", 2, "must be relative" },
        { "uppercase-hex.SHA256SUMS", 1, "uppercase hex is not accepted" },
        { "empty-name.SHA256SUMS", 2, "no file name" },
        { "tab-separator.SHA256SUMS", 1, "invalid line" },
        { "short-hash.SHA256SUMS", 1, "invalid sha256 sum" },
        { "dot-basename.SHA256SUMS", 1, "reserved" },
        { "not-clean.SHA256SUMS", 1, "not clean" },
        { "bad-deb-name.SHA256SUMS", 1, "unexpected package file name \"hello.deb\"" },
        { "binary-garbage.SHA256SUMS", 1, "binary data" },
        { "invalid-utf8.SHA256SUMS", 2, "not valid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(BrokenLockfiles))]
    public void ABrokenLockfileIsOneClearErrorNamingFileAndLine(string file, int line, string reason)
    {
        var path = FixturePath.Get("broken", file);
        var error = Assert.Throws<LockfileFormatException>(() => Sha256SumsReader.ReadFiles([path], "0"));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.StartsWith($"{path}:{line}: ", diagnostic);
        Assert.Contains(reason, diagnostic);
    }

    [Fact]
    public void ATenMegabyteLineIsRefused()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("huge.SHA256SUMS");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes(KnownHashes.Hello + "  "), .. Enumerable.Repeat((byte)'a', 10 << 20), (byte)'\n']);
        var error = Assert.Throws<LockfileFormatException>(() => Sha256SumsReader.ReadFiles([path], "0"));
        Assert.StartsWith($"{path}:1: line of ", Assert.Single(error.Diagnostics));
        Assert.True(error.Message.Length < 1000, "the message does not repeat the line");
    }

    [Theory]
    [InlineData("path-traversal.SHA256SUMS", 2)]
    [InlineData("binary-garbage.SHA256SUMS", 1)]
    [InlineData("uppercase-hex.SHA256SUMS", 1)]
    [Trait("Category", "Integration")]
    public async Task ReproGetDownloadRefusesItAndWritesNothing(string file, int line)
    {
        using var dir = new TempDirectory();
        var cache = dir.Combine("cache");
        var path = FixturePath.Get("broken", file);

        var run = await CliRun.RunAsync(
            ["--distro", "none", "--cache", cache, "--provider", "http://127.0.0.1:9/{{.Name}}", "download", path]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{path}:{line}: ", run.StandardError);
        Assert.False(Directory.Exists(cache), "the cache was created");
        Assert.Equal("", run.StandardOutput);
    }
}
