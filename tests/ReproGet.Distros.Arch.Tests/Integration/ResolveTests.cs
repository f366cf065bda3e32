using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests.Integration;

/// <summary>
/// <c>lock</c> for Arch: pacman itself (<c>-Sy</c>, then <c>-Sp</c>) in a private database path resolves a project file
/// against the signed repo-add repository, without downloading a package; the lock installed into a fresh root gives
/// what pacman's own install gives in another fresh root.
/// </summary>
[Collection(ArchTestRepositoryCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ResolveTests(ArchTestRepository repository) : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Project(string packages, string more = "") => _temp.WriteFile("project/repro-get.toml", $"""
        distro = "arch"
        sources = ["reprotest {repository.Server.Url("/reprotest")}"]
        architectures = ["x86_64"]
        packages = [{packages}]
        keyring = "{repository.KeyringDirectory}"
        {more}
        """);

    private Task<ReproGetProcess> LockAsync(string config, params string[] more) =>
        ReproGetProcess.RunAsync(["--cache", _temp.Combine("cache"), "lock", "--config", config, .. more]);

    private static IEnumerable<string> Entries(string path) => File.ReadAllLines(path).Where(l => !l.StartsWith('#'));

    private IEnumerable<string> Expected(params string[] names) =>
        repository.Packages.Where(p => names.Any(n => Path.GetFileName(p).StartsWith(n + "-", StringComparison.Ordinal)))
            .SelectMany(p => new[] { p, p + ".sig" }).Select(ArchTestRepository.LockLine).OrderBy(l => l[66..], StringComparer.Ordinal);

    [Fact]
    public async Task TheLockInstalledIntoAFreshRootEqualsPacmansOwnInstall()
    {
        var config = Project("\"rg-hello\"");
        var packageRequests = PackageRequests();

        using var locked = await LockAsync(config);

        Assert.True(locked.ExitCode == 0, locked.ToString());
        Assert.Equal(packageRequests, PackageRequests());
        var lockPath = _temp.Combine("project", "SHA256SUMS-x86_64");
        Assert.Equal(Expected("rg-hello", "rg-libgreet"), Entries(lockPath));
        Assert.StartsWith("# repro-get lock: arch x86_64 from repro-get.toml, resolved by pacman 6.", File.ReadAllText(lockPath), StringComparison.Ordinal);

        var fromLock = repository.CreateRoot(_temp.Combine("from-lock"), withRepository: false);
        using var install = await ReproGetProcess.RunAsync(["--root", fromLock, "--distro", "arch", "--cache", _temp.Combine("c2"),
            "--provider", repository.ByHashProvider, "install", lockPath]);
        var byPacman = repository.CreateRoot(_temp.Combine("by-pacman"), withRepository: true);
        ArchTestRepository.Pacman(byPacman, "-Sy", "--noconfirm", "rg-hello");

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Equal(ArchTestRepository.Query(byPacman), ArchTestRepository.Query(fromLock));
        Assert.Equal("rg-hello 2.1-3\nrg-libgreet 1.0-1\n", ArchTestRepository.Query(fromLock));

        using var check = await LockAsync(config, "--check");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Equal("", check.StandardOutput);
    }

    [Fact]
    public async Task ABaseRootLeavesOutWhatItsLocalDatabaseHasAndCheckNamesANewPackage()
    {
        var baseRoot = repository.CreateRoot(_temp.Combine("base"), withRepository: true);
        ArchTestRepository.Pacman(baseRoot, "-Sy", "--noconfirm", "rg-libgreet");
        var config = Project("\"rg-hello\"", $"base = \"{baseRoot}\"");

        using var locked = await LockAsync(config);
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"rg-hello\"", "\"rg-hello\", \"rg-epoch\"", StringComparison.Ordinal));
        using var check = await LockAsync(config, "--check");

        Assert.True(locked.ExitCode == 0, locked.ToString());
        Assert.Equal(Expected("rg-hello"), Entries(_temp.Combine("project", "SHA256SUMS-x86_64")));
        Assert.Equal(1, check.ExitCode);
        var epoch = repository.Packages.Single(p => p.Contains("rg-epoch", StringComparison.Ordinal));
        Assert.Equal($"SHA256SUMS-x86_64: added r/rg-epoch/rg-epoch-1:0.5-2-any.pkg.tar.zst.sig sha256 {ArchTestRepository.LockLine(epoch + ".sig")[..12]}\n"
            + "SHA256SUMS-x86_64: added rg-epoch:any 1:0.5-2\n", check.StandardOutput);
        Assert.Equal("rg-libgreet 1.0-1\n", ArchTestRepository.Query(baseRoot));
    }

    [Fact]
    public async Task ADatabaseSignedByAKeyTheKeyringDoesNotHoldFailsAndWritesNothing()
    {
        var config = Project("\"rg-hello\"");
        var emptyKeyring = _temp.Combine("empty-gnupg");
        Directory.CreateDirectory(emptyKeyring);
        File.WriteAllText(config, File.ReadAllText(config).Replace(repository.KeyringDirectory, emptyKeyring, StringComparison.Ordinal));

        using var locked = await LockAsync(config);

        Assert.Equal(1, locked.ExitCode);
        Assert.Contains("pacman -Sy (x86_64) failed", locked.StandardError);
        Assert.Equal(["repro-get.toml"], Directory.EnumerateFileSystemEntries(_temp.Combine("project")).Select(Path.GetFileName));
    }

    public void Dispose() => _temp.Dispose();

    private int PackageRequests() => repository.Server.Requests.Count(r => r.Path.EndsWith(".pkg.tar.zst", StringComparison.Ordinal));
}
