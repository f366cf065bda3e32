using ReproGet.TestKit;

namespace ReproGet.Distros.Fedora.Tests.Integration;

/// <summary>
/// The whole Fedora path with real tools: dnf installs from a signed createrepo_c repository into a fresh root,
/// repro-get locks that root from rpm's database and dnf's cached metadata, and installs the lock into another
/// fresh root from a by-hash server after checking every signature.
/// </summary>
[Collection(FedoraTestRepositoryCollection.Name)]
[Trait("Category", "Integration")]
public sealed class LockAndInstallTests(FedoraTestRepository repository) : IDisposable
{
    private const string DeadProvider = "http://127.0.0.1:1/dead/{{.Name}}";
    private const string Hello = "hello-1.0-1.noarch.rpm";
    private const string Greeting = "greeting-2.1-3.noarch.rpm";
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task ALockFromOneRootInstallsTheSamePackagesIntoAFreshRoot()
    {
        var first = repository.CreateRoot(_temp.Combine("r1"), withRepository: true);
        FedoraTestRepository.Dnf(first, "install", "hello");
        var packageRequests = RpmRequests();

        var generate = await CliRun.RunAsync(["--root", first, "--distro", "fedora", "--cache", _temp.Combine("c1"), "hash", "generate"]);

        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.Equal(
            FedoraTestRepository.LockLine(repository.Signed(Greeting)) + "\n" + FedoraTestRepository.LockLine(repository.Signed(Hello)) + "\n",
            generate.StandardOutput);
        Assert.Equal(packageRequests, RpmRequests());
        var lockfile = _temp.WriteFile("SHA256SUMS", generate.StandardOutput);

        var second = repository.CreateRoot(_temp.Combine("r2"), withRepository: false);
        var install = await CliRun.RunAsync(["--root", second, "--distro", "fedora", "--cache", _temp.Combine("c2"),
            "--provider", DeadProvider, "--provider", repository.ByHashProvider, "install", lockfile]);

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Equal(FedoraTestRepository.Query(first), FedoraTestRepository.Query(second));
        Assert.Contains("greeting-2.1-3.noarch\nhello-1.0-1.noarch\n", FedoraTestRepository.Query(second));
        Assert.Equal("hello 1.0-1\n", File.ReadAllText(Path.Combine(second, "usr/share/hello/version")));

        var again = await CliRun.RunAsync(["--root", second, "--distro", "fedora", "--cache", _temp.Combine("c2"),
            "--provider", DeadProvider, "install", lockfile]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing to install", again.StandardError);
    }

    [Fact]
    public async Task AnInstalledPackageNoCachedMetadataListsIsAnErrorUnlessAllowedMissing()
    {
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: true);
        FedoraTestRepository.Dnf(root, "install", "greeting");
        RealTool.Run("rpm", "--root", root, "-i", repository.Extra);

        var strict = await CliRun.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"), "hash", "generate"]);
        var lenient = await CliRun.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"),
            "hash", "generate", "--allow-missing"]);

        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("no cached repository metadata lists extra-0.1-1.noarch (read reprotest)", strict.StandardError);
        Assert.Contains("dnf makecache", strict.StandardError);
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Equal(FedoraTestRepository.LockLine(repository.Signed(Greeting)) + "\n", lenient.StandardOutput);
        // The lock operation's --allow-missing policy (one summary warning for every plugin), not the locker, says so.
        Assert.Contains("1 package was left out of the lock (no cached repository metadata lists it): extra-0.1-1.noarch",
            lenient.StandardError);
    }

    [Fact]
    public async Task ARootWithoutCachedMetadataIsAnErrorThatSaysToRunMakecache()
    {
        var root = repository.CreateRoot(_temp.Combine("bare"), withRepository: false);

        var generate = await CliRun.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"), "hash", "generate"]);

        Assert.Equal(1, generate.ExitCode);
        Assert.Contains("no repository metadata cached", generate.StandardError);
        Assert.Contains("dnf --installroot ROOT makecache", generate.StandardError);
    }

    [Fact]
    public async Task DedupeLeavesOutWhatTheBaseLockAlreadyPins()
    {
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: true);
        FedoraTestRepository.Dnf(root, "install", "greeting");
        var baseLock = await CliRun.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"), "hash", "generate"]);
        var basePath = _temp.WriteFile("SHA256SUMS-base", baseLock.StandardOutput);
        FedoraTestRepository.Dnf(root, "install", "hello");

        var dedupe = await CliRun.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"),
            "hash", "generate", "--dedupe", basePath]);

        Assert.True(dedupe.ExitCode == 0, dedupe.ToString());
        Assert.Equal(FedoraTestRepository.LockLine(repository.Signed(Hello)) + "\n", dedupe.StandardOutput);
    }

    [Fact]
    public async Task HashUpdateReplacesAStalePackageAndKeepsTheRest()
    {
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: true);
        FedoraTestRepository.Dnf(root, "install", "hello");
        var greeting = FedoraTestRepository.LockLine(repository.Signed(Greeting));
        var lockfile = _temp.WriteFile("SHA256SUMS", "# base\n" + greeting + "\n"
            + new string('0', 64) + "  hello/0.9/1/noarch/hello-0.9-1.noarch.rpm\n" + new string('e', 64) + "  notes/README\n");

        var update = await CliRun.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"),
            "hash", "update", lockfile]);

        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains("hello:noarch: 0.9-1 → 1.0-1", update.StandardError);
        Assert.Equal("# base\n" + greeting + "\n" + FedoraTestRepository.LockLine(repository.Signed(Hello)) + "\n"
            + new string('e', 64) + "  notes/README\n", File.ReadAllText(lockfile));
    }

    [Fact]
    public async Task UnsignedAndWronglySignedPackagesAreRefusedBeforeAnythingIsInstalled()
    {
        var lockfile = _temp.WriteFile("SHA256SUMS", FedoraTestRepository.LockLine(repository.Unsigned(Hello)) + "\n"
            + FedoraTestRepository.LockLine(repository.WrongKey(Greeting)) + "\n");
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: false);
        var before = FedoraTestRepository.Query(root);

        var install = await CliRun.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"),
            "--provider", repository.ByHashProvider, "install", lockfile]);

        Assert.Equal(1, install.ExitCode);
        Assert.Contains("2 of 2 packages have no valid signature", install.StandardError);
        // rpmkeys says "digests OK" (exit 0) for the unsigned file without _pkgverify_level all; it is refused all the same.
        Assert.Contains("hello/1.0/1/noarch/hello-1.0-1.noarch.rpm: digests SIGNATURES NOT OK", install.StandardError);
        Assert.Contains("greeting/2.1/3/noarch/greeting-2.1-3.noarch.rpm: digests SIGNATURES NOT OK", install.StandardError);
        Assert.Contains("nothing was installed", install.StandardError);
        Assert.Equal(before, FedoraTestRepository.Query(root));
        Assert.StartsWith("gpg-pubkey-", before);
        Assert.False(Directory.Exists(Path.Combine(root, "usr")));
    }

    [Fact]
    public async Task OneBadSignatureRefusesTheWholeTransaction()
    {
        var lockfile = _temp.WriteFile("SHA256SUMS", FedoraTestRepository.LockLine(repository.Signed(Hello)) + "\n"
            + FedoraTestRepository.LockLine(repository.WrongKey(Greeting)) + "\n");
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: false);

        var install = await CliRun.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"),
            "--provider", repository.ByHashProvider, "install", lockfile]);

        Assert.Equal(1, install.ExitCode);
        Assert.Contains("1 of 2 packages have no valid signature", install.StandardError);
        Assert.DoesNotContain("hello/1.0/1/noarch/hello-1.0-1.noarch.rpm:", install.StandardError);
        Assert.False(Directory.Exists(Path.Combine(root, "usr")));
    }

    public void Dispose() => _temp.Dispose();

    private int RpmRequests() => repository.Server.Requests.Count(r => r.Path.EndsWith(".rpm", StringComparison.Ordinal));
}
