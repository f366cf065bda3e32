using System.Globalization;
using ReproGet.TestKit;

namespace ReproGet.Dockerfiles.Tests;

/// <summary>
/// Everything the Dockerfile and bundle tests share, made once per test run: a Debian bookworm minbase rootfs
/// (the root Cli.Tests makes with mmdebstrap, reused from the same per-day folder and lock), that rootfs as a
/// tarball and as a buildah base image (FROM scratch + ADD, private vfs storage), the published repro-get, and a
/// real lock: in a copy of the root, apt-get installs <see cref="Packages"/> from Debian's mirror between two
/// `repro-get hash generate` runs (the second with --dedupe), so the lock pins just what the base lacks.
/// </summary>
public sealed class BookwormBase : IAsyncLifetime
{
    public static readonly string[] Packages = ["hello", "sl"];

    private static readonly string[] Tools = ["mmdebstrap", "unshare", "chroot", "mount", "buildah", "tar"];

    private static readonly string MinbaseParent = Path.Combine(Path.GetTempPath(),
        "repro-get-minbase-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    private readonly TempDirectory _work = new();

    public string RootfsTarball => _work.Combine("rootfs.tar");

    public string Image => "localhost/repro-get-test-base:bookworm";

    public string PublishedBinary { get; private set; } = "";

    /// <summary>The lock (SHA256SUMS-amd64) and the .deb files it names, by base name.</summary>
    public string Lockfile => _work.Combine("lock", "SHA256SUMS-amd64");

    public IReadOnlyDictionary<string, byte[]> Debs { get; private set; } = new Dictionary<string, byte[]>();

    /// <summary>The lock's entries: sha256 hex and name.</summary>
    public IReadOnlyList<(string Sha256, string Name)> Entries { get; private set; } = [];

    public long SourceDateEpoch { get; private set; }

    /// <summary>`dpkg-query -W` of the root the lock was made in, after its apt-get install: what an install must reproduce.</summary>
    public string LockedRootPackages { get; private set; } = "";

    /// <summary>CONTAINERS_STORAGE_CONF for every buildah call: vfs storage of this run's own.</summary>
    public string StorageConf => _work.Combine("storage.conf");

    public async Task InitializeAsync()
    {
        foreach (var tool in Tools.Where(t => !IsOnPath(t)))
        {
            Assert.Fail($"{tool} is missing: install it via scripts/bootstrap (scripts/bootstrap-packages.txt)");
        }
        PublishedBinary = await PublishedBinaryAsync();
        var root = await MinbaseRootAsync();
        SourceDateEpoch = new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Join(root, "etc/apt/sources.list"))).ToUnixTimeSeconds();
        await Sh.MustAsync("tar", "-C", root, "--numeric-owner", "--exclude=./opt/repro-get-test-*", "--exclude=./work",
            "-cf", RootfsTarball, ".");
        await File.WriteAllTextAsync(StorageConf, $"""
            [storage]
            driver = "vfs"
            runroot = "{_work.Combine("run")}"
            graphroot = "{_work.Combine("storage")}"
            """);
        await File.WriteAllTextAsync(_work.Combine("Containerfile.base"), "FROM scratch\nADD rootfs.tar /\nCMD [\"/bin/bash\"]\n");
        await BuildahAsync("build", "--isolation", "chroot", "--timestamp", "0", "-f", _work.Combine("Containerfile.base"),
            "-t", Image, _work.Path);
        await LockAsync();
    }

    /// <summary>A fresh copy of the bookworm root (the tarball unpacked), for a test to change as it likes.</summary>
    public async Task<string> FreshRootAsync(string directory)
    {
        var root = Path.Combine(directory, "root");
        Directory.CreateDirectory(root);
        await Sh.MustAsync("tar", "-C", root, "-xf", RootfsTarball);
        return root;
    }

    public Task<Core.Processes.ProcessResult> BuildahAsync(params string[] arguments) =>
        Sh.MustAsync("env", ["CONTAINERS_STORAGE_CONF=" + StorageConf, "TMPDIR=" + TempFor("buildah"), "buildah", .. arguments]);

    /// <summary>A fresh TMPDIR, so buildah's RUN --mount=type=cache starts empty: every build really is from scratch.</summary>
    private string TempFor(string name)
    {
        var path = _work.Combine("tmp", name + "-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }

    private async Task LockAsync()
    {
        var root = await FreshRootAsync(_work.Combine("lockroot"));
        File.Copy("/etc/resolv.conf", Path.Join(root, "etc/resolv.conf"), overwrite: true);
        File.Copy(PublishedBinary, Path.Join(root, "usr/local/bin/repro-get"), overwrite: true);
        var run = await Sh.ChrootAsync(root, false, "sh", "-ec", $"""
            apt-get -q update
            repro-get --distro debian hash generate > /tmp/SHA256SUMS-preinstalled
            apt-get -q install -y --no-install-recommends {string.Join(' ', Packages)}
            repro-get --distro debian hash generate --dedupe /tmp/SHA256SUMS-preinstalled > /tmp/SHA256SUMS-amd64
            """);
        Assert.True(run.ExitCode == 0, $"making the lock in a chroot failed (it needs Debian's mirror):\n{run.StandardError}");
        Directory.CreateDirectory(Path.GetDirectoryName(Lockfile)!);
        File.Copy(Path.Join(root, "tmp/SHA256SUMS-amd64"), Lockfile);
        Entries = [.. (await File.ReadAllLinesAsync(Lockfile)).Select(line => line.Split("  ", 2)).Select(p => (p[0], p[1]))];
        Debs = Entries.ToDictionary(e => Path.GetFileName(e.Name),
            e => File.ReadAllBytes(Path.Join(root, "var/cache/apt/archives", Path.GetFileName(e.Name))));
        LockedRootPackages = (await Sh.ChrootAsync(root, true, "dpkg-query", "-W")).StandardOutput;
        Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
    }

    private static async Task<string> MinbaseRootAsync()
    {
        Directory.CreateDirectory(MinbaseParent);
        var root = Path.Combine(MinbaseParent, "root");
        await using var gate = await LockAsync(Path.Combine(MinbaseParent, "lock"));
        if (File.Exists(Path.Combine(MinbaseParent, "complete")))
        {
            return root;
        }
        var partial = Path.Combine(MinbaseParent, "root.partial");
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }
        await Sh.MustAsync("mmdebstrap", "--variant=minbase", "--mode=root", "--quiet", "bookworm", partial);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        Directory.Move(partial, root);
        await File.WriteAllTextAsync(Path.Combine(MinbaseParent, "complete"), "");
        return root;
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>
    /// REPRO_GET_PUBLISHED_BINARY, else `scripts/publish linux-x64` (as Cli.Tests does), copied out at once: another
    /// test project publishing at the same time replaces artifacts/. One retry for that race.
    /// </summary>
    private async Task<string> PublishedBinaryAsync()
    {
        if (Environment.GetEnvironmentVariable("REPRO_GET_PUBLISHED_BINARY") is { Length: > 0 } given)
        {
            return given;
        }
        var repository = FixturePath.RepositoryRoot;
        var copy = _work.Combine("repro-get");
        for (var attempt = 1; ; attempt++)
        {
            var publish = await Sh.RunAsync(Path.Combine(repository, "scripts", "publish"), "linux-x64");
            try
            {
                File.Copy(Path.Combine(repository, "artifacts", "linux-x64", "repro-get"), copy, overwrite: true);
                if (publish.ExitCode == 0)
                {
                    return copy;
                }
            }
            catch (IOException) when (attempt < 2)
            {
                continue;
            }
            Assert.True(attempt < 2, $"`{publish.CommandLine}` failed (exit {publish.ExitCode}):\n{publish.StandardError}");
        }
    }

    private static bool IsOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));

    public Task DisposeAsync()
    {
        _work.Dispose();
        return Task.CompletedTask;
    }
}
