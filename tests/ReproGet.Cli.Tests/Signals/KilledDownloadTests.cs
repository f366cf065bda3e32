using System.Diagnostics;
using ReproGet.Core.Processes;

namespace ReproGet.Cli.Tests.Signals;

/// <summary>
/// Issue 17: a real <c>kill -9</c> of the published binary mid-download leaves its temp file; the next run sees that
/// no process holds the file's lock, resumes it with Range and verifies the blob, sweeps an old orphan it does not
/// want, and leaves alone a temp file whose lock another live process holds.
/// </summary>
[Trait("Category", "Integration")]
[Collection(BusyRunCollection.Name)]
public sealed class KilledDownloadTests(BusyRunFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TheNextRunResumesTheOrphanAndLeavesALiveTransferAlone()
    {
        var cache = fixture.NewDirectory("cache");
        var blobs = Path.Combine(cache, "blobs", "sha256");
        string[] download = ["--distro", "none", "--cache", cache, "--provider", fixture.Provider, "download", fixture.StallingLock];
        using (var killed = fixture.Start(download))
        {
            // The server sends half (2 MiB) and then nothing: wait until a first MiB has reached the temp file.
            await killed.WaitUntilAsync(() => TempFiles(blobs).Any(f => new FileInfo(f).Length >= 1 << 20), "writing the first half", Patience);
            await killed.SignalAndWaitAsync("KILL", Patience);
            Assert.Equal(137, killed.ExitCode);
        }
        var orphan = Assert.Single(TempFiles(blobs));
        var held = new FileInfo(orphan).Length;
        // Another process's live transfer of the same file (its flock held by flock(1)), old enough to be swept.
        var live = Path.Combine(blobs, $".download-{fixture.StallingSha256}-{Guid.NewGuid():N}.tmp");
        File.WriteAllText(live, "another process is writing this");
        File.SetLastWriteTimeUtc(live, DateTime.UtcNow.AddHours(-2));
        // --close: the lock stays with flock(1) itself (not its sleep), so killing it releases the lock.
        using var holder = Process.Start("flock", ["--exclusive", "--close", live, "sleep", "300"]);
        await WaitUntilLockedAsync(live);
        // A killed run's orphan of a file nobody asks for, an hour old: swept.
        var stray = Path.Combine(blobs, $".download-{new string('e', 64)}-{Guid.NewGuid():N}.tmp");
        File.WriteAllText(stray, "left by a killed run");
        File.SetLastWriteTimeUtc(stray, DateTime.UtcNow.AddHours(-1));

        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            var second = await ProcessRunner.RunAsync(fixture.Binary, download, timeout.Token, throwOnFailure: false);

            Assert.True(second.ExitCode == 0, second.StandardError);
            Assert.Equal(fixture.Stalling, File.ReadAllBytes(Path.Combine(blobs, fixture.StallingSha256)));
            Assert.Contains(fixture.Server.RequestsFor(BusyRunFixture.StallingPath), r => r.Range == $"bytes={held}-");
            Assert.False(File.Exists(orphan), "the resumed orphan became the blob");
            Assert.False(File.Exists(stray), "an old orphan nobody wants is swept");
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
        }
        Assert.Equal("another process is writing this", File.ReadAllText(live));
    }

    private static IEnumerable<string> TempFiles(string blobs) =>
        Directory.Exists(blobs) ? Directory.EnumerateFiles(blobs, ".download-*.tmp") : [];

    // flock(1) takes the lock a moment after it starts; an open with FileShare.None (flock LOCK_EX) fails from then on.
    private static async Task WaitUntilLockedAsync(string path)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Patience)
        {
            try
            {
                using var probe = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (IOException)
            {
                return;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"flock(1) did not lock {path}");
    }
}
