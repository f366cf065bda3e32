using ReproGet.Cli.Tests.EndToEnd;
using ReproGet.Core.Processes;
using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.Published;

/// <summary>
/// Issue 17 against the published binary: a corrupt cached blob never leaves the cache, output folders are never
/// written through planted links, forged names cannot forge data lines, FIFOs and devices never hang.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TrustBoundaryTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    private string Binary => _temp.Combine("repro-get");

    private string Cache => _temp.Combine("cache");

    public Task InitializeAsync() => PublishedBinary.CopyToAsync(Binary);

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BundleRefetchesAFlippedBlobAndNeverWritesThroughPlantedLinks()
    {
        var lockfile = _temp.WriteFile("SHA256SUMS", DebFixture.Hello.LockLine);
        var good = _temp.WriteFile("mirror/" + DebFixture.Hello.Basename, DebFixture.Hello.Bytes);
        var provider = "file://" + Path.GetDirectoryName(good) + "/{{.Basename}}";
        Assert.Equal(0, (await RunAsync("--provider", provider, "download", lockfile)).ExitCode);
        var blob = Path.Combine(Cache, "blobs", "sha256", DebFixture.Hello.Sha256);
        FlipAByte(blob);
        var output = Directory.CreateDirectory(_temp.Combine("bundle")).FullName;
        var victim = _temp.WriteFile("victim", "do not touch");
        var mode = File.GetUnixFileMode(victim);
        File.CreateSymbolicLink(Path.Combine(output, "install.sh"), victim);
        File.CreateSymbolicLink(Path.Combine(output, "files.list"), victim);

        var run = await RunAsync("--distro", "debian", "--provider", provider, "bundle", lockfile, "-o", output);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains(DebFixture.Hello.Sha256, run.StandardError, StringComparison.Ordinal);
        Assert.Equal(DebFixture.Hello.Bytes, File.ReadAllBytes(Path.Combine(output, "blobs", "sha256", DebFixture.Hello.Sha256)));
        Assert.Equal(DebFixture.Hello.Bytes, File.ReadAllBytes(blob));
        Assert.Equal("do not touch", File.ReadAllText(victim));
        Assert.Equal(mode, File.GetUnixFileMode(victim));
        Assert.Null(new FileInfo(Path.Combine(output, "install.sh")).LinkTarget);
    }

    [Fact]
    public async Task CacheExportRefusesABlobThatIsASymlinkToASecret()
    {
        var imported = _temp.WriteFile("in/" + DebFixture.Hello.Basename, DebFixture.Hello.Bytes);
        Assert.Equal(0, (await RunAsync("cache", "import", imported)).ExitCode);
        var blob = Path.Combine(Cache, "blobs", "sha256", DebFixture.Hello.Sha256);
        var secret = _temp.WriteFile("secret", "private key");
        File.Delete(blob);
        File.CreateSymbolicLink(blob, secret);

        var run = await RunAsync("cache", "export", _temp.Combine("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("symbolic link", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Combine("out")));
        Assert.False(Path.Exists(blob));
        Assert.Equal("private key", File.ReadAllText(secret));
    }

    [Fact]
    public async Task AForgedFileNameCannotForgeADataLine()
    {
        var forged = "x.deb\n" + new string('0', 64) + "  evil.deb\u001b[2J\u202e";
        _temp.WriteFile("in/" + forged, "bytes");

        var import = await RunAsync("cache", "import", _temp.Combine("in"));
        var list = await RunAsync("cache", "ls");

        Assert.True(import.ExitCode == 0, import.StandardError);
        var line = Assert.Single(import.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("\\", line, StringComparison.Ordinal);
        Assert.EndsWith(@"x.deb\n0000000000000000000000000000000000000000000000000000000000000000  evil.deb\x1b[2J\u202e", line, StringComparison.Ordinal);
        Assert.Single(list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain('\u001b', list.StandardOutput + import.StandardError + list.StandardError);
        Assert.DoesNotContain('\u202e', list.StandardOutput);
    }

    [Theory]
    [InlineData("fifo", "FIFO")]
    [InlineData("/dev/zero", "character device")]
    public async Task HashInspectOfAFifoOrADeviceFailsAtOnce(string lockfile, string what)
    {
        if (lockfile == "fifo")
        {
            lockfile = _temp.Combine("fifo");
            await ProcessRunner.RunAsync("mkfifo", [lockfile], CancellationToken.None);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var run = await ProcessRunner.RunAsync(Binary, ["--distro", "none", "hash", "inspect", lockfile], timeout.Token, throwOnFailure: false);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(what, run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("OutOfMemory", run.StandardError, StringComparison.Ordinal);
    }

    private Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Binary, [.. arguments.Contains("--distro") ? [] : new[] { "--distro", "none" }, "--cache", Cache, .. arguments],
            CancellationToken.None, throwOnFailure: false);

    private static void FlipAByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }
}
