using System.Net.Sockets;
using ReproGet.Core.Cache;
using ReproGet.TestKit;
using static ReproGet.Core.Tests.Cache.CacheFixture;

namespace ReproGet.Core.Tests.Cache;

/// <summary><c>cache import</c>: files and directories, relative paths, every error reported.</summary>
public sealed class CacheImporterTests
{
    private const string OnlyRegularFiles = "only regular files (or symlinks to them) are imported";

    // A liveness guard, not a speed limit: an import that opens a FIFO waits for a writer forever.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ADirectoryIsImportedRecursivelyIncludingDotFiles()
    {
        using var fixture = new CacheFixture();
        fixture.Directory.WriteFile("in/a.deb", "a");
        fixture.Directory.WriteFile("in/sub/b.rpm", "b");
        fixture.Directory.WriteFile("in/.hidden", "c");

        var result = await new CacheImporter(fixture.Cache).ImportAsync([fixture.Directory.Combine("in")], CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Equal([".hidden", "a.deb", "b.rpm"], result.Imported.Select(i => i.Basename).Order(StringComparer.Ordinal));
        foreach (var item in result.Imported)
        {
            Assert.Equal(File.ReadAllBytes(item.Path), File.ReadAllBytes(fixture.Cache.BlobPath(item.Sha256)));
            Assert.Equal(item.Basename, fixture.Cache.ReadBasename(item.Sha256));
        }
        Assert.Empty(fixture.TempFiles());
    }

    [Fact]
    public async Task SymlinkedFoldersAreNotFollowedSoALoopEnds()
    {
        using var fixture = new CacheFixture();
        fixture.Directory.WriteFile("in/sub/a.deb", "a");
        Directory.CreateSymbolicLink(fixture.Directory.Combine("in", "sub", "loop"), fixture.Directory.Combine("in"));

        var result = await new CacheImporter(fixture.Cache).ImportAsync([fixture.Directory.Combine("in")], CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Equal("a.deb", Assert.Single(result.Imported).Basename);
    }

    [Fact]
    public async Task EveryFailureIsReportedAndTheRestIsImported()
    {
        using var fixture = new CacheFixture();
        fixture.Directory.WriteFile("in/good.deb", "good");
        File.CreateSymbolicLink(fixture.Directory.Combine("in", "dangling.deb"), fixture.Directory.Combine("nowhere"));
        var missing = fixture.Directory.Combine("missing");

        var result = await new CacheImporter(fixture.Cache).ImportAsync([fixture.Directory.Combine("in"), missing], CancellationToken.None);

        Assert.Equal("good.deb", Assert.Single(result.Imported).Basename);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Contains("dangling.deb", StringComparison.Ordinal) && e.Contains("dangling symbolic link", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains(missing, StringComparison.Ordinal) && e.Contains("no such file", StringComparison.Ordinal));
        Assert.Empty(fixture.TempFiles());
    }

    [Fact]
    public async Task TwoDifferentFilesWithOneBasenameAreAConflict()
    {
        using var fixture = new CacheFixture();
        var a = fixture.Directory.WriteFile("a/x.deb", "one");
        var b = fixture.Directory.WriteFile("b/x.deb", "two");
        var same = fixture.Directory.WriteFile("c/x.deb", "one");

        var result = await new CacheImporter(fixture.Cache).ImportAsync([a, b, same], CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.Contains("conflict", error);
        Assert.Contains(b, error);
        Assert.Contains(a, error);
        Assert.Equal([a, same], result.Imported.Select(i => i.Path));
    }

    [Fact]
    public async Task AFifoIsReportedWithoutBeingOpenedAndTheRestIsImported()
    {
        using var fixture = new CacheFixture();
        fixture.Directory.WriteFile("in/good.deb", "good");
        var fifo = fixture.Directory.Combine("in", "pipe.deb");
        RealTool.Run("mkfifo", fifo);

        var result = await ImportWithinGenerousTimeAsync(fixture, [fixture.Directory.Combine("in"), fifo], fifo);

        Assert.Equal("good.deb", Assert.Single(result.Imported).Basename);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal($"cannot import \"{fifo}\": not a regular file (a FIFO); {OnlyRegularFiles}", e));
        Assert.Empty(fixture.TempFiles());
    }

    [Fact]
    public async Task ASocketAndADeviceAreReportedAsNotRegularFiles()
    {
        using var fixture = new CacheFixture();
        fixture.Directory.WriteFile("in/good.deb", "good");
        var socketPath = fixture.Directory.Combine("in", "listening.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        var toDevice = fixture.Directory.Combine("in", "null.deb");
        File.CreateSymbolicLink(toDevice, "/dev/null");

        var result = await ImportWithinGenerousTimeAsync(fixture, [fixture.Directory.Combine("in"), "/dev/null"], fifo: null);

        Assert.Equal("good.deb", Assert.Single(result.Imported).Basename);
        Assert.Equal(
            [
                $"cannot import \"/dev/null\": not a regular file (a character device); {OnlyRegularFiles}",
                $"cannot import \"{socketPath}\": not a regular file (a socket); {OnlyRegularFiles}",
                $"cannot import \"{toDevice}\": not a regular file (a character device); {OnlyRegularFiles}",
            ],
            result.Errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ASymlinkToARegularFileIsImportedUnderTheLinksName()
    {
        using var fixture = new CacheFixture();
        var target = fixture.Directory.WriteFile("elsewhere/target.bin", "linked");
        var link = fixture.Directory.Combine("in", "linked.deb");
        Directory.CreateDirectory(fixture.Directory.Combine("in"));
        File.CreateSymbolicLink(link, target);

        var result = await new CacheImporter(fixture.Cache).ImportAsync([fixture.Directory.Combine("in")], CancellationToken.None);

        Assert.Empty(result.Errors);
        var item = Assert.Single(result.Imported);
        Assert.Equal(("linked.deb", link), (item.Basename, item.Path));
        Assert.Equal(Bytes("linked"), File.ReadAllBytes(fixture.Cache.BlobPath(item.Sha256)));
    }

    // Runs the import off the test's thread (opening a FIFO blocks synchronously) and fails after a generous bound
    // rather than hanging; a reader stuck on the FIFO is then released by opening it for writing.
    private static async Task<CacheImporter.Result> ImportWithinGenerousTimeAsync(CacheFixture fixture, string[] paths, string? fifo)
    {
        var import = Task.Run(() => new CacheImporter(fixture.Cache).ImportAsync(paths, CancellationToken.None));
        try
        {
            return await import.WaitAsync(Generous);
        }
        catch (TimeoutException) when (fifo is not null)
        {
            File.OpenWrite(fifo).Dispose();
            throw;
        }
    }
}
