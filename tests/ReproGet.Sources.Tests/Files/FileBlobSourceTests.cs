using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Files;
using ReproGet.TestKit;

namespace ReproGet.Sources.Tests.Files;

/// <summary><c>file:///absolute/path</c> only, resuming by seeking.</summary>
public sealed class FileBlobSourceTests
{
    private static readonly LockEntry Entry = new("x.bin", Sha256Digest.Parse(new string('0', 64)));

    private static Task<BlobResponse> OpenAsync(string url, long offset = 0) =>
        new FileBlobSource().OpenAsync(new BlobRequest(new Uri(url), Entry, offset), CancellationToken.None);

    [Fact]
    public async Task AFileIsReadFromTheRequestedOffset()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("a dir/x 1.bin", "0123456789");
        await using var response = await OpenAsync(new Uri(path).AbsoluteUri, 4);
        Assert.Equal((4L, (long?)10), (response.Offset, response.TotalLength));
        Assert.Equal("456789", await new StreamReader(response.Content).ReadToEndAsync());
    }

    [Theory]
    [InlineData("file://relative/x.bin")]
    [InlineData("file:///tmp/x.bin?q=1")]
    [InlineData("file:///tmp/x.bin#frag")]
    public async Task OnlyPlainAbsoluteFileUrlsAreAccepted(string url)
    {
        var error = await Assert.ThrowsAsync<SourceException>(() => OpenAsync(url));
        Assert.Contains("want file:///absolute/path", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task AMissingFileIsAPermanentFailureNamingIt()
    {
        using var dir = new TempDirectory();
        var missing = dir.Combine("missing.bin");
        var error = await Assert.ThrowsAsync<SourceException>(() => OpenAsync(new Uri(missing).AbsoluteUri));
        Assert.Contains(missing, error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task AFifoIsRefusedBeforeOpeningItInsteadOfHanging()
    {
        using var dir = new TempDirectory();
        var fifo = dir.Combine("x.bin");
        RealTool.Run("mkfifo", fifo);

        var error = await Assert.ThrowsAsync<SourceException>(() => OpenAsync(new Uri(fifo).AbsoluteUri)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains($"{fifo}: not a regular file (a FIFO)", error.Message);
        Assert.Equal((false, SourceFailureKind.NotAFile), (error.IsTransient, error.Kind));
    }

    [Fact]
    public async Task ASymlinkToADeviceIsRefused()
    {
        using var dir = new TempDirectory();
        var link = dir.Combine("zero.bin");
        File.CreateSymbolicLink(link, "/dev/zero");

        var error = await Assert.ThrowsAsync<SourceException>(() => OpenAsync(new Uri(link).AbsoluteUri));

        Assert.Contains("not a regular file (a character device)", error.Message);
    }
}
