using System.Globalization;
using ReproGet.Core.Processes;

namespace ReproGet.TestKit.Roots;

/// <summary>
/// A bare Debian bookworm root made by <c>mmdebstrap --variant=minbase</c>: what <c>debian:bookworm</c> holds, so
/// no libssl and no ICU. Made once a day under the temp dir and shared by every test run and project (it takes
/// ~30 s); a lock file keeps two test processes from building it at once. Nobody changes the root itself: a test
/// works in folders of its own under <c>/work</c> (removed on dispose) or in a copy (<see cref="WriteTarballAsync"/>).
/// </summary>
public sealed class MinbaseRoot : IDisposable
{
    private static readonly string[] Tools = ["mmdebstrap", "unshare", "chroot", "mount", "tar"];

    private static readonly string Parent = Path.Combine(Path.GetTempPath(),
        "repro-get-minbase-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    private static readonly string SharedRoot = Path.Combine(Parent, "root");

    private readonly List<string> _workDirectories = [];

    private MinbaseRoot()
    {
    }

    public string RootPath => SharedRoot;

    /// <summary>Today's root, made first if no test run has made it yet.</summary>
    public static async Task<MinbaseRoot> OpenAsync()
    {
        RealTool.RequireInstalled(Tools);
        RemoveOlderRoots();
        Directory.CreateDirectory(Parent);
        await using (await LockAsync().ConfigureAwait(false))
        {
            await CreateOnceAsync().ConfigureAwait(false);
        }
        return new MinbaseRoot();
    }

    /// <summary>A fresh directory inside the root; returns its path as seen from inside and from the host.</summary>
    public (string Inside, string Host) CreateWorkDirectory()
    {
        var inside = "/work/" + Guid.NewGuid().ToString("n");
        var host = Path.Join(RootPath, inside);
        Directory.CreateDirectory(host);
        _workDirectories.Add(host);
        return (inside, host);
    }

    /// <summary>
    /// The root as mmdebstrap made it as a tar file: without the /work folders and /tmp contents of the test runs
    /// using it at this moment (tar fails on files that change while it reads them).
    /// </summary>
    public async Task WriteTarballAsync(string tarball)
    {
        var result = await ProcessRunner.RunAsync("tar",
            ["-C", RootPath, "--numeric-owner", "--exclude=./work", "--exclude=./tmp/*", "-cf", tarball, "."],
            CancellationToken.None, throwOnFailure: false).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{result.CommandLine}` failed (exit {result.ExitCode}):\n{result.StandardError}");
        }
    }

    public void Dispose()
    {
        foreach (var directory in _workDirectories.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task CreateOnceAsync()
    {
        var done = Path.Combine(Parent, "complete");
        if (File.Exists(done))
        {
            return;
        }
        var partial = Path.Combine(Parent, "root.partial");
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }
        var result = await ProcessRunner.RunAsync("mmdebstrap",
            ["--variant=minbase", "--mode=root", "--quiet", "bookworm", partial], CancellationToken.None, throwOnFailure: false).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{result.CommandLine}` failed (exit {result.ExitCode}); it needs root and Debian's archive:\n{result.StandardError}");
        }
        // Made now, not by the first test run using it: a tarball being written meanwhile would see the root change.
        Directory.CreateDirectory(Path.Combine(partial, "work"));
        if (Directory.Exists(SharedRoot))
        {
            Directory.Delete(SharedRoot, recursive: true);
        }
        Directory.Move(partial, SharedRoot);
        await File.WriteAllTextAsync(done, "").ConfigureAwait(false);
    }

    // Yesterday's roots are ~200 MB each; nothing mounts into them (each run mounts /proc in its own namespace).
    private static void RemoveOlderRoots()
    {
        foreach (var old in Directory.EnumerateDirectories(Path.GetTempPath(), "repro-get-minbase-*").Where(d => d != Parent))
        {
            try
            {
                Directory.Delete(old, recursive: true);
            }
            catch (IOException)
            {
                // Another test run may still be using it; the next day's run tries again.
            }
        }
    }

    private static async Task<FileStream> LockAsync()
    {
        var lockPath = Path.Combine(Parent, "lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            }
        }
    }
}
