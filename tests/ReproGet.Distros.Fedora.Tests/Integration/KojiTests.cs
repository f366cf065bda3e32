using ReproGet.TestKit;

namespace ReproGet.Distros.Fedora.Tests.Integration;

/// <summary>
/// Koji serves the unsigned build outputs; repositories serve signed copies with other bytes. A lock pins the signed
/// copy the root installed, so Koji's bytes fail its hash check and the next provider serves the file; a lock of
/// Koji's unsigned bytes (as the Go tool wrote) is fetched from Koji but refused at install for lack of a signature.
/// </summary>
[Collection(FedoraTestRepositoryCollection.Name)]
[Trait("Category", "Integration")]
public sealed class KojiTests(FedoraTestRepository repository) : IDisposable
{
    private const string Hello = "hello-1.0-1.noarch.rpm";
    private const string Greeting = "greeting-2.1-3.noarch.rpm";
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task KojisUnsignedBytesDoNotSatisfyASignedLockAndTheNextProviderServesIt()
    {
        var lockfile = _temp.WriteFile("SHA256SUMS", FedoraTestRepository.LockLine(repository.Signed(Greeting)) + "\n"
            + FedoraTestRepository.LockLine(repository.Signed(Hello)) + "\n");
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: false);

        var install = await CliRun.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"),
            "--provider", repository.KojiProvider, "--provider", repository.ByHashProvider, "install", lockfile]);

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Equal(1, repository.Server.RequestCount("/koji/hello/1.0/1/noarch/" + Hello));
        Assert.Contains(FedoraTestRepository.Sha256(repository.Unsigned(Hello)), install.StandardError);
        Assert.Contains("downloaded from " + repository.Server.Url("/sha256/" + FedoraTestRepository.Sha256(repository.Signed(Hello))),
            install.StandardError);
        Assert.Contains("hello-1.0-1.noarch\n", FedoraTestRepository.Query(root));
    }

    [Fact]
    public async Task ALockOfKojisUnsignedBuildIsFetchedFromKojiButNotInstalled()
    {
        var lockfile = _temp.WriteFile("SHA256SUMS", FedoraTestRepository.LockLine(repository.Unsigned(Greeting)) + "\n");
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: false);

        var install = await CliRun.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"),
            "--provider", repository.KojiProvider, "install", lockfile]);

        Assert.Equal(1, install.ExitCode);
        Assert.Contains("downloaded from " + repository.Server.Url("/koji/greeting/2.1/3/noarch/" + Greeting), install.StandardError);
        Assert.Contains("greeting-2.1-3.noarch.rpm: digests SIGNATURES NOT OK", install.StandardError);
        Assert.Contains("unsigned files (Koji's build outputs) are refused", install.StandardError);
        Assert.DoesNotContain("greeting", FedoraTestRepository.Query(root));
    }

    [Fact]
    public async Task InfoListsTheRepositoriesThenKojiAndSaysKojiIsUnsigned()
    {
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: true);

        var info = await CliRun.RunAsync(["--root", root, "--distro", "fedora", "info"]);

        Assert.True(info.ExitCode == 0, info.ToString());
        Assert.Contains($"- {repository.Server.Url("/repo")}/{{{{.Basename}}}}\n- https://kojipkgs.fedoraproject.org/packages/{{{{.Name}}}}\n",
            info.StandardOutput);
        Assert.Contains("Koji serves the unsigned build of each package", info.StandardError);
    }

    public void Dispose() => _temp.Dispose();
}
