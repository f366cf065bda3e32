using ReproGet.TestKit;
using ReproGet.TestKit.Roots;

namespace ReproGet.Dockerfiles.Tests;

/// <summary>
/// Everything the Dockerfile and bundle tests share, made once per test run: the Debian bookworm minbase root
/// Cli.Tests uses too (<see cref="MinbaseRoot"/>) as a tarball and as a buildah base image (FROM scratch + ADD,
/// private vfs storage), the published repro-get, and a real lock: in a copy of the root, apt-get installs
/// <see cref="Packages"/> from Debian's mirror between two `repro-get hash generate` runs (the second with
/// --dedupe), so the lock pins just what the base lacks.
/// </summary>
public sealed class BookwormBase : IAsyncLifetime
{
    public static readonly string[] Packages = ["hello", "sl"];

    private readonly TempDirectory _work = new();

    public string RootfsTarball => _work.Combine("rootfs.tar");

    public string Image => "localhost/repro-get-test-base:bookworm";

    public string PublishedBinary { get; private set; } = "";

    /// <summary>The lock (SHA256SUMS-amd64).</summary>
    public string Lockfile => _work.Combine("lock", "SHA256SUMS-amd64");

    /// <summary>Every locked file by sha256: the .debs apt fetched and the signature chain hash generate cached.</summary>
    public IReadOnlyDictionary<string, byte[]> Blobs { get; private set; } = new Dictionary<string, byte[]>();

    /// <summary>The lock's entries: sha256 hex and name.</summary>
    public IReadOnlyList<(string Sha256, string Name)> Entries { get; private set; } = [];

    public long SourceDateEpoch { get; private set; }

    /// <summary>`dpkg-query -W` of the root the lock was made in, after its apt-get install: what an install must reproduce.</summary>
    public string LockedRootPackages { get; private set; } = "";

    /// <summary>CONTAINERS_STORAGE_CONF for every buildah call: vfs storage of this run's own.</summary>
    public string StorageConf => _work.Combine("storage.conf");

    public async Task InitializeAsync()
    {
        RealTool.RequireInstalled("buildah");
        using (var minbase = await MinbaseRoot.OpenAsync())
        {
            SourceDateEpoch = new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Join(minbase.RootPath, "etc/apt/sources.list"))).ToUnixTimeSeconds();
            await minbase.WriteTarballAsync(RootfsTarball);
        }
        PublishedBinary = _work.Combine("repro-get");
        await TestKit.PublishedBinary.CopyToAsync(PublishedBinary);
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
        var run = await Chroot.RunAsync(root, "sh", "-ec", $"""
            apt-get -q update
            repro-get --distro debian hash generate > /tmp/SHA256SUMS-preinstalled
            apt-get -q install -y --no-install-recommends {string.Join(' ', Packages)}
            repro-get --distro debian hash generate --dedupe /tmp/SHA256SUMS-preinstalled > /tmp/SHA256SUMS-amd64
            """);
        Assert.True(run.ExitCode == 0, $"making the lock in a chroot failed (it needs Debian's mirror):\n{run.StandardError}");
        Directory.CreateDirectory(Path.GetDirectoryName(Lockfile)!);
        File.Copy(Path.Join(root, "tmp/SHA256SUMS-amd64"), Lockfile);
        Entries = [.. (await File.ReadAllLinesAsync(Lockfile)).Select(line => line.Split("  ", 2)).Select(p => (p[0], p[1]))];
        Blobs = Entries.DistinctBy(e => e.Sha256).ToDictionary(e => e.Sha256, e => File.ReadAllBytes(e.Name.StartsWith("pool/", StringComparison.Ordinal)
            ? Path.Join(root, "var/cache/apt/archives", Path.GetFileName(e.Name))
            : Path.Join(root, "var/cache/repro-get/blobs/sha256", e.Sha256)));
        LockedRootPackages = (await Chroot.RunOfflineAsync(root, "dpkg-query", "-W")).StandardOutput;
        Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
    }

    public Task DisposeAsync()
    {
        _work.Dispose();
        return Task.CompletedTask;
    }
}
