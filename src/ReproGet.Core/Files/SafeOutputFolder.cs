using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Files;

/// <summary>
/// Writes files into an output folder without ever writing through a link that is already there. Every file is
/// first created with O_CREAT|O_EXCL|O_NOFOLLOW in a fresh staging folder of ours inside the target (mode 0700),
/// and only <see cref="Commit"/> renames the finished files into place: rename(2) replaces a symlink at the
/// destination instead of following it, and every folder on the way must be a real directory. Nothing is published
/// when the work fails: disposing without a commit removes the staging folder (and the target, when this run made
/// it and it is still empty). Used by <c>bundle</c>,
/// <c>cache export</c> and <c>dockerfile generate</c>.
/// </summary>
public sealed class SafeOutputFolder : IDisposable
{
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly string _staging;
    private readonly List<string> _files = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly IDisposable _tracked;

    private readonly bool _createdTarget;
    private bool _committed;

    private SafeOutputFolder(string target, string staging, bool createdTarget)
    {
        Target = target;
        _staging = staging;
        _createdTarget = createdTarget;
        _tracked = TemporaryPaths.Track(staging);
    }

    public string Target { get; }

    /// <summary>Starts writing into <paramref name="target"/> (created if missing; a symlink to a folder is followed, it is the caller's own path).</summary>
    public static SafeOutputFolder Begin(string target)
    {
        var full = Path.GetFullPath(target);
        try
        {
            var created = !Directory.Exists(full);
            Directory.CreateDirectory(full);
            var staging = Path.Combine(full, $".repro-get-{Guid.NewGuid():N}.tmp");
            Directory.CreateDirectory(staging, PrivateDirectory);
            return new SafeOutputFolder(full, staging, created);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReproGetException($"cannot write into \"{full}\": {e.Message}", "pass a writable directory", e);
        }
    }

    /// <summary>Where a staged file is (for writers that need a path, such as one that itself writes a temp file and renames it).</summary>
    public string StagedPath(string relative)
    {
        Reserve(relative);
        var path = Path.Combine(_staging, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Creates a new staged file, exclusively; <paramref name="mode"/> is set exactly (no umask).</summary>
    public FileStream Create(string relative, UnixFileMode mode = (UnixFileMode)0b110_100_100)
    {
        var path = StagedPath(relative);
        var handle = PosixFile.CreateExclusive(path, mode);
        File.SetUnixFileMode(handle, mode);
        return new FileStream(handle, FileAccess.Write, 1 << 16);
    }

    /// <summary>Drops a staged file whose content turned out bad, so the commit does not publish it.</summary>
    public void Discard(string relative)
    {
        if (_files.Remove(relative))
        {
            File.Delete(Path.Combine(_staging, relative));
        }
    }

    /// <summary>
    /// Renames every staged file into the target. With <paramref name="replace"/> false an existing name (a symlink
    /// included) is left alone and returned; with true it is replaced (a link is replaced, never followed).
    /// </summary>
    public IReadOnlyList<string> Commit(bool replace)
    {
        var kept = new List<string>();
        foreach (var relative in _files)
        {
            var destination = Path.Combine(Target, relative);
            RequireRealDirectories(Path.GetDirectoryName(relative) ?? "");
            try
            {
                PosixFile.Rename(Path.Combine(_staging, relative), destination, replace);
            }
            catch (IOException e) when (!replace && e.HResult == PosixFile.FileExists)
            {
                kept.Add(relative);
            }
        }
        _committed = true;
        Dispose();
        return kept;
    }

    public void Dispose()
    {
        try
        {
            // Deletes links inside, never what they point to; the staging folder holds only what this process made.
            Directory.Delete(_staging, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        if (_createdTarget && !_committed)
        {
            // A failed or interrupted run leaves no trace, not even an empty folder it made.
            try
            {
                Directory.Delete(Target);
            }
            catch (IOException)
            {
                // Not empty: someone else wrote there meanwhile.
            }
        }
        _tracked.Dispose();
    }

    private void Reserve(string relative)
    {
        if (LockName.Explain(relative) is { } problem)
        {
            throw new UnsafePathException($"cannot write into \"{Target}\": {problem}");
        }
        if (!_names.Add(relative))
        {
            throw new UnsafePathException($"cannot write {NameEscaping.Quote(relative)} into \"{Target}\" twice");
        }
        _files.Add(relative);
    }

    // The folders between the target and a file must be real directories: a symlink planted there would carry the
    // rename somewhere else.
    private void RequireRealDirectories(string relativeDirectory)
    {
        var current = Target;
        foreach (var part in relativeDirectory.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var type = PosixFile.TypeOfPath(current);
            if (type == 0)
            {
                Directory.CreateDirectory(current);
                type = PosixFile.TypeOfPath(current);
            }
            if (type != PosixFile.DirectoryType)
            {
                throw new UnsafePathException($"\"{current}\" is {PosixFile.Describe(type)}, not a directory: not writing through it");
            }
        }
    }
}
