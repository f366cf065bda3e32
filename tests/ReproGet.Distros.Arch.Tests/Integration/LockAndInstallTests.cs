using System.Security.Cryptography;
using System.Text;
using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests.Integration;

/// <summary>
/// The whole Arch path with real tools: pacman installs from a signed repository into a fresh root, repro-get locks
/// that root from pacman's databases, and repro-get installs the lock into another fresh root from a by-hash server.
/// </summary>
[Collection(ArchTestRepositoryCollection.Name)]
[Trait("Category", "Integration")]
public sealed class LockAndInstallTests(ArchTestRepository repository) : IDisposable
{
    private const string DeadProvider = "http://127.0.0.1:1/dead/{{.Basename}}";
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task ALockFromOneRootInstallsTheSamePackagesIntoAFreshRoot()
    {
        var first = repository.CreateRoot(_temp.Combine("r1"), withRepository: true);
        ArchTestRepository.Pacman(first, "-Sy", "--noconfirm", "rg-hello", "rg-epoch");

        var generate = await CliRun.RunAsync(["--root", first, "--distro", "arch", "--cache", _temp.Combine("c1"), "hash", "generate"]);

        Assert.True(generate.ExitCode == 0, generate.ToString());
        var expected = repository.Packages.SelectMany(p => new[] { p, p + ".sig" }).Select(ArchTestRepository.LockLine)
            .OrderBy(line => line[66..], StringComparer.Ordinal);
        Assert.Equal(expected, generate.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        // The signatures came from the database's %PGPSIG% into the cache: no request reached the server.
        foreach (var signature in Directory.EnumerateFiles(repository.RepositoryDirectory, "*.pkg.tar.zst.sig"))
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(signature)));
            Assert.Equal(File.ReadAllBytes(signature), File.ReadAllBytes(_temp.Combine("c1", "blobs", "sha256", sha)));
        }
        var lockfile = _temp.WriteFile("SHA256SUMS", generate.StandardOutput);

        var second = repository.CreateRoot(_temp.Combine("r2"), withRepository: false);
        var install = await CliRun.RunAsync(["--root", second, "--distro", "arch", "--cache", _temp.Combine("c2"),
            "--provider", DeadProvider, "--provider", repository.ByHashProvider, "install", lockfile]);

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Equal(ArchTestRepository.Query(first), ArchTestRepository.Query(second));
        Assert.Equal("rg-epoch 1:0.5-2\nrg-hello 2.1-3\nrg-libgreet 1.0-1\n", ArchTestRepository.Query(second));
        Assert.Equal("Hello from rg-libgreet\n", File.ReadAllText(Path.Combine(second, "usr/share/rg-libgreet/greeting")));

        var again = await CliRun.RunAsync(["--root", second, "--distro", "arch", "--cache", _temp.Combine("c2"),
            "--provider", DeadProvider, "install", lockfile]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing to install", again.StandardError);
    }

    [Fact]
    public async Task DedupeLeavesOutWhatTheBaseLockAlreadyPins()
    {
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: true);
        ArchTestRepository.Pacman(root, "-Sy", "--noconfirm", "rg-libgreet");
        var baseLock = await CliRun.RunAsync(["--root", root, "--distro", "arch", "--cache", _temp.Combine("c"), "hash", "generate"]);
        var basePath = _temp.WriteFile("SHA256SUMS-base", baseLock.StandardOutput);
        ArchTestRepository.Pacman(root, "-S", "--noconfirm", "rg-hello");

        var dedupe = await CliRun.RunAsync(["--root", root, "--distro", "arch", "--cache", _temp.Combine("c"),
            "hash", "generate", "--dedupe", basePath]);

        Assert.True(dedupe.ExitCode == 0, dedupe.ToString());
        Assert.Equal(2, baseLock.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(["r/rg-hello/rg-hello-2.1-3-x86_64.pkg.tar.zst", "r/rg-hello/rg-hello-2.1-3-x86_64.pkg.tar.zst.sig"],
            dedupe.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[66..]));
    }

    [Fact]
    public async Task PackagesWhoseSignaturesDoNotVerifyAreRefusedBeforeAnythingIsInstalled()
    {
        var packages = repository.Packages.ToList();
        var epoch = packages.Single(p => p.Contains("rg-epoch", StringComparison.Ordinal));
        var libgreet = packages.Single(p => p.Contains("rg-libgreet", StringComparison.Ordinal));
        var rogue = Directory.EnumerateFiles(repository.RogueDirectory, "*.pkg.tar.zst").Single();
        var lines = packages.Where(p => p != epoch).SelectMany(p => new[] { p, p + ".sig" })
            .Concat([epoch, rogue, rogue + ".sig"])
            .Select(ArchTestRepository.LockLine).ToList();
        // rg-epoch's .sig line pins rg-libgreet's signature: made by the trusted key, but over other bytes.
        lines.Add(ArchTestRepository.LockLine(libgreet + ".sig").Split("  ")[0] + "  " + ArchTestRepository.LockLine(epoch)[66..] + ".sig");
        var lockfile = _temp.WriteFile("SHA256SUMS", string.Concat(lines.Select(l => l + "\n")));
        var root = repository.CreateRoot(_temp.Combine("r3"), withRepository: false);

        var install = await CliRun.RunAsync(["--root", root, "--distro", "arch", "--cache", _temp.Combine("c3"),
            "--provider", repository.ByHashProvider, "install", lockfile]);

        Assert.Equal(1, install.ExitCode);
        Assert.Contains("the signatures of 2 of 4 packages do not verify", install.StandardError);
        Assert.Contains("r/rg-rogue/rg-rogue-1.0-1-any.pkg.tar.zst: gpg: Can't check signature: No public key", install.StandardError);
        Assert.Contains("r/rg-epoch/rg-epoch-1:0.5-2-any.pkg.tar.zst: gpg: BAD signature", install.StandardError);
        Assert.Contains("nothing was installed", install.StandardError);
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(root, "var/lib/pacman")).SelectMany(Directory.EnumerateDirectories));
        Assert.False(Directory.Exists(Path.Combine(root, "usr")));
    }

    [Fact]
    public async Task TheSignatureOfAnAlreadyInstalledPackageIsNeitherFetchedNorVerified()
    {
        var root = repository.CreateRoot(_temp.Combine("r4"), withRepository: true);
        ArchTestRepository.Pacman(root, "-Sy", "--noconfirm", "rg-libgreet");
        // The Go tool verified the .sig of skipped packages without the package beside it, and failed. Here the
        // skipped package's .sig line pins bytes no provider has: touching it at all would fail the install.
        var unreachable = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("served nowhere")));
        var lines = repository.Packages.SelectMany(p => new[] { p, p + ".sig" }).Select(ArchTestRepository.LockLine)
            .Select(l => l.Contains("rg-libgreet", StringComparison.Ordinal) && l.EndsWith(".sig", StringComparison.Ordinal) ? unreachable + l[64..] : l);
        var lockfile = _temp.WriteFile("SHA256SUMS", string.Concat(lines.Select(l => l + "\n")));

        var install = await CliRun.RunAsync(["--root", root, "--distro", "arch", "--cache", _temp.Combine("c4"),
            "--provider", repository.ByHashProvider, "install", lockfile]);

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Equal("rg-epoch 1:0.5-2\nrg-hello 2.1-3\nrg-libgreet 1.0-1\n", ArchTestRepository.Query(root));
        Assert.Equal(0, repository.Server.RequestCount("/sha256/" + unreachable));
    }

    [Theory]
    [InlineData(".pkg.tar.zst")]
    [InlineData(".pkg.tar.xz")] // as Arch built packages from 2010 to 2019
    public async Task HashUpdateReplacesAStalePackageAndItsSignatureAndKeepsTheRest(string staleSuffix)
    {
        var root = repository.CreateRoot(_temp.Combine("r5"), withRepository: true);
        ArchTestRepository.Pacman(root, "-Sy", "--noconfirm", "rg-hello");
        var current = repository.Packages.Where(p => !p.Contains("rg-epoch", StringComparison.Ordinal))
            .SelectMany(p => new[] { p, p + ".sig" }).Select(ArchTestRepository.LockLine).ToList();
        // An older lock: rg-hello 2.0-1 with its signature, a comment and a file that is no package.
        var stale = current.Select(l => l.Contains("rg-hello", StringComparison.Ordinal)
            ? new string('0', 64) + l[64..].Replace("2.1-3", "2.0-1", StringComparison.Ordinal)
                .Replace(".pkg.tar.zst", staleSuffix, StringComparison.Ordinal)
            : l);
        var lockfile = _temp.WriteFile("SHA256SUMS", "# base\n" + string.Concat(stale.Select(l => l + "\n"))
            + new string('e', 64) + "  notes/README\n");

        var update = await CliRun.RunAsync(["--root", root, "--distro", "arch", "--cache", _temp.Combine("c5"),
            "hash", "update", lockfile]);

        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains("rg-hello:x86_64: 2.0-1 → 2.1-3", update.StandardError);
        Assert.Equal("# base\n" + string.Concat(current.Select(l => l + "\n")) + new string('e', 64) + "  notes/README\n",
            File.ReadAllText(lockfile));
    }

    public void Dispose() => _temp.Dispose();
}
