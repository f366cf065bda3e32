namespace ReproGet.Core.Distros;

/// <summary>
/// What a plugin works on: the system root whose package databases it reads and installs into (<c>/</c>, or an
/// unpacked image or chroot given with <c>--root</c>), and where it reports.
/// </summary>
public sealed record DistroContext(string Root, IStatusLog Log)
{
    /// <summary>
    /// The content cache's directory, for plugins that put files into it while locking (Arch stores the
    /// signatures it reads from pacman's databases); null when the caller has no cache.
    /// </summary>
    public string? CacheRoot { get; init; }

    /// <summary>An absolute path inside the root: <c>RootPath("/var/lib/dpkg/status")</c>.</summary>
    public string RootPath(string absolute) =>
        Root == "/" ? absolute : Path.Combine(Root, absolute.TrimStart('/'));
}
