using System.Globalization;
using ReproGet.Core.Processes;

namespace ReproGet.Cli.Tests.Published;

/// <summary>
/// A bare Debian bookworm root made by <c>mmdebstrap --variant=minbase</c>: what <c>debian:bookworm</c> holds, so
/// no libssl and no ICU. Made once a day under the temp dir and reused by later test runs (it takes ~30 s);
/// a lock file keeps two test processes from building it at once. The published repro-get is copied in.
/// </summary>
public sealed class MinbaseRoot : IAsyncLifetime
{
    private static readonly string[] Tools = ["mmdebstrap", "unshare", "chroot", "mount"];

    private static readonly string Parent = Path.Combine(Path.GetTempPath(),
        "repro-get-minbase-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    private readonly List<string> _created = [];

    public string RootPath { get; } = Path.Combine(Parent, "root");

    /// <summary>Where the published binary is inside the root (a folder of this fixture's own: another test run may be using the root).</summary>
    public string Binary { get; } = $"/opt/repro-get-test-{Guid.NewGuid():n}/repro-get";

    public async Task InitializeAsync()
    {
        foreach (var tool in Tools)
        {
            if (!IsOnPath(tool))
            {
                Assert.Fail($"{tool} is missing: install it via scripts/bootstrap (scripts/bootstrap-packages.txt)");
            }
        }
        RemoveOlderRoots();
        Directory.CreateDirectory(Parent);
        var binary = await PublishedBinary.PathAsync();
        await using var gate = await LockAsync();
        await CreateOnceAsync();
        var copy = Path.Join(RootPath, Binary);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(binary, copy);
    }

    private async Task CreateOnceAsync()
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
            ["--variant=minbase", "--mode=root", "--quiet", "bookworm", partial], CancellationToken.None, throwOnFailure: false);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"`{result.CommandLine}` failed (exit {result.ExitCode}); it needs root and Debian's archive:\n{result.StandardError}");
        }
        if (Directory.Exists(RootPath))
        {
            Directory.Delete(RootPath, recursive: true);
        }
        Directory.Move(partial, RootPath);
        await File.WriteAllTextAsync(done, "");
    }

    public Task DisposeAsync()
    {
        // The root is reused by later runs: leave it as it was made.
        foreach (var directory in _created.Append(Path.GetDirectoryName(Path.Join(RootPath, Binary))!))
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs <paramref name="arguments"/> chrooted into the root with an empty environment (as a container starts),
    /// with /proc mounted in a private mount namespace (the .NET runtime needs it; nothing leaks to the host).
    /// </summary>
    public Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("unshare",
            ["--mount", "--fork", "--", "sh", "-c", "mount -t proc proc \"$1/proc\" && exec chroot \"$@\"", "sh", RootPath,
                "/usr/bin/env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root", .. arguments],
            CancellationToken.None, throwOnFailure: false);

    /// <summary>A fresh directory inside the root; returns its path as seen from inside and from the host.</summary>
    public (string Inside, string Host) CreateWorkDirectory()
    {
        var inside = "/work/" + Guid.NewGuid().ToString("n");
        var host = Path.Join(RootPath, inside);
        Directory.CreateDirectory(host);
        _created.Add(host);
        return (inside, host);
    }

    // Yesterday's roots are ~200 MB each; nothing mounts into them (each run mounts /proc in its own namespace).
    private static void RemoveOlderRoots()
    {
        foreach (var old in Directory.EnumerateDirectories(Path.GetTempPath(), "repro-get-minbase-*"))
        {
            if (old != Parent)
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
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    private static bool IsOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
