using ReproGet.TestKit;

namespace ReproGet.Distros.Fedora.Tests.Integration;

/// <summary>
/// <c>lock</c> for Fedora: dnf's own solver in a private state resolves a project file against the signed
/// createrepo_c repository, without downloading a package; the lock installed into a fresh root gives what
/// dnf's own install gives in another fresh root.
/// </summary>
[Collection(FedoraTestRepositoryCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ResolveTests(FedoraTestRepository repository) : IDisposable
{
    private const string Hello = "hello-1.0-1.noarch.rpm";
    private const string Greeting = "greeting-2.1-3.noarch.rpm";
    private readonly TempDirectory _temp = new();

    private string Project(string packages, string more = "") => _temp.WriteFile("project/repro-get.toml", $"""
        distro = "fedora"
        sources = ["reprotest {repository.Server.Url("/repo/")}"]
        releasever = "40"
        architectures = ["x86_64", "aarch64"]
        packages = [{packages}]
        keyring = "{repository.KeyPath}"
        {more}
        """);

    private Task<ReproGetProcess> LockAsync(string config, params string[] more) =>
        ReproGetProcess.RunAsync(["--cache", _temp.Combine("cache"), "lock", "--config", config, .. more]);

    private static string Entries(string path) =>
        string.Concat(File.ReadAllLines(path).Where(l => !l.StartsWith('#')).Select(l => l + "\n"));

    [Fact]
    public async Task TheLockInstalledIntoAFreshRootEqualsDnfsOwnInstall()
    {
        var config = Project("\"hello\"");
        var rpmRequests = RpmRequests();

        using var locked = await LockAsync(config);

        Assert.True(locked.ExitCode == 0, locked.ToString());
        Assert.Equal(rpmRequests, RpmRequests());
        var lockPath = _temp.Combine("project", "SHA256SUMS-x86_64");
        var expected = FedoraTestRepository.LockLine(repository.Signed(Greeting)) + "\n" + FedoraTestRepository.LockLine(repository.Signed(Hello)) + "\n";
        Assert.Equal(expected, Entries(lockPath));
        Assert.Equal(expected, Entries(_temp.Combine("project", "SHA256SUMS-aarch64")));
        Assert.StartsWith("# repro-get lock: fedora x86_64 from repro-get.toml, resolved by dnf 4.", File.ReadAllText(lockPath), StringComparison.Ordinal);

        var fromLock = repository.CreateRoot(_temp.Combine("from-lock"), withRepository: false);
        using var install = await ReproGetProcess.RunAsync(["--root", fromLock, "--distro", "fedora", "--cache", _temp.Combine("c2"),
            "--provider", repository.ByHashProvider, "install", lockPath]);
        var byDnf = repository.CreateRoot(_temp.Combine("by-dnf"), withRepository: true);
        FedoraTestRepository.Dnf(byDnf, "install", "hello");

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Equal(FedoraTestRepository.Query(byDnf), FedoraTestRepository.Query(fromLock));
        Assert.Contains("greeting-2.1-3.noarch\nhello-1.0-1.noarch\n", FedoraTestRepository.Query(fromLock));

        using var check = await LockAsync(config, "--check");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Equal("", check.StandardOutput);
    }

    [Fact]
    public async Task ABaseRootLeavesOutWhatItsRpmDatabaseHasAndCheckNamesANewPackage()
    {
        var baseRoot = repository.CreateRoot(_temp.Combine("base"), withRepository: true);
        FedoraTestRepository.Dnf(baseRoot, "install", "greeting");
        var config = Project("\"hello\"", $"base = \"{baseRoot}\"");

        using var locked = await LockAsync(config, "--arch", "x86_64");
        File.WriteAllText(config, File.ReadAllText(config).Replace("base = ", "# base = ", StringComparison.Ordinal));
        using var check = await LockAsync(config, "--check", "--arch", "x86_64");

        Assert.True(locked.ExitCode == 0, locked.ToString());
        Assert.Equal(FedoraTestRepository.LockLine(repository.Signed(Hello)) + "\n", Entries(_temp.Combine("project", "SHA256SUMS-x86_64")));
        Assert.Equal(1, check.ExitCode);
        Assert.Equal("SHA256SUMS-x86_64: added greeting:noarch 2.1-3\n", check.StandardOutput);
    }

    [Fact]
    public async Task APackageNoRepositoryHasFailsNamingItAndWritesNothing()
    {
        var config = Project("\"hello\", \"no-such-package\"");

        using var locked = await LockAsync(config);

        Assert.Equal(1, locked.ExitCode);
        Assert.Contains("dnf cannot install hello no-such-package for ", locked.StandardError);
        Assert.Contains("no-such-package", locked.StandardError);
        Assert.Equal(["repro-get.toml"], Directory.EnumerateFileSystemEntries(_temp.Combine("project")).Select(Path.GetFileName));
    }

    public void Dispose() => _temp.Dispose();

    private int RpmRequests() => repository.Server.Requests.Count(r => r.Path.EndsWith(".rpm", StringComparison.Ordinal));
}
