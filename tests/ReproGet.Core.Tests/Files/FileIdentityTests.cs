using ReproGet.Core.Files;
using ReproGet.TestKit;

namespace ReproGet.Core.Tests.Files;

/// <summary>A file's identity changes with any write, even one that keeps its size and restores its mtime.</summary>
public sealed class FileIdentityTests
{
    [Fact]
    public void AnInPlaceWriteThatKeepsSizeAndMtimeChangesTheIdentity()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("list", "Package: a\n");
        var mtime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, mtime);
        var before = FileIdentity.OfPath(path);
        Thread.Sleep(20); // past the coarse clock's tick that stamped the first ctime

        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Write("Package: b\n"u8);
        }
        File.SetLastWriteTimeUtc(path, mtime);
        var after = FileIdentity.OfPath(path);

        Assert.Equal((before.Inode, before.Size, before.ModifiedNanoseconds), (after.Inode, after.Size, after.ModifiedNanoseconds));
        Assert.NotEqual(before, after);
        Assert.NotEqual(before.Key, after.Key);
    }

    [Fact]
    public void AReplacedFileHasAnotherIdentityThanTheOneStillOpen()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("list", "one");
        using var open = File.OpenHandle(path);
        var read = FileIdentity.Of(open);
        File.Move(dir.WriteFile("list.new", "two"), path, overwrite: true);

        // The open descriptor still reads the old inode (unlinking it changed its ctime too); the path names another.
        Assert.Equal(read.Inode, FileIdentity.Of(open).Inode);
        Assert.NotEqual(read.Inode, FileIdentity.OfPath(path).Inode);
    }

    [Fact]
    public void OnlyAnIdentityOlderThanTheMarginIsSettled()
    {
        using var dir = new TempDirectory();
        var identity = FileIdentity.OfPath(dir.WriteFile("list", "x"));
        var now = DateTimeOffset.UtcNow;

        Assert.False(identity.IsSettled(now, TimeSpan.FromSeconds(2)));
        Assert.True(identity.IsSettled(now.AddSeconds(3), TimeSpan.FromSeconds(2)));
    }
}
