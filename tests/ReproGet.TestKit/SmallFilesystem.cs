namespace ReproGet.TestKit;

/// <summary>
/// A tmpfs of a fixed size mounted for a test (the suite runs as root), unmounted on dispose: a real filesystem that
/// fills up. A machine where it cannot be mounted fails the test naming why; it never skips.
/// </summary>
public sealed class SmallFilesystem : IDisposable
{
    private SmallFilesystem(string path) => Path = path;

    public string Path { get; }

    /// <param name="size">As mount's <c>size=</c> takes it: <c>1m</c>, <c>512k</c>.</param>
    public static SmallFilesystem Mount(string path, string size)
    {
        Directory.CreateDirectory(path);
        RealTool.Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
        return new SmallFilesystem(path);
    }

    public void Dispose() => RealTool.Run("umount", Path);
}
