using ReproGet.TestKit;

namespace ReproGet.Distros.Fedora.Tests.Integration;

/// <summary>
/// The offline bundle's install.sh with the real rpmkeys and rpm, pointed by <see cref="OfflineBundle"/>'s wrappers
/// at a fresh root.
/// </summary>
[Collection(FedoraTestRepositoryCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BundleTests(FedoraTestRepository repository) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task InstallShChecksEverySignatureThenInstallsInOneTransaction()
    {
        var lockfile = _temp.WriteFile("SHA256SUMS", Lines(repository.Signed("greeting-2.1-3.noarch.rpm"), repository.Signed("hello-1.0-1.noarch.rpm")));
        var root = repository.CreateRoot(_temp.Combine("root"), withRepository: false);

        var result = await BundleAndRunAsync(lockfile, root);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("greeting-2.1-3.noarch\nhello-1.0-1.noarch\n", FedoraTestRepository.Query(root));
    }

    [Fact]
    public async Task InstallShRefusesAnUnsignedPackageAndInstallsNothing()
    {
        var lockfile = _temp.WriteFile("SHA256SUMS", Lines(repository.Signed("greeting-2.1-3.noarch.rpm"), repository.Unsigned("hello-1.0-1.noarch.rpm")));
        var root = repository.CreateRoot(_temp.Combine("root"), withRepository: false);

        var result = await BundleAndRunAsync(lockfile, root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("hello-1.0-1.noarch.rpm has no valid signature from a key in rpm's database: nothing was installed", result.StandardError);
        Assert.DoesNotContain("greeting", FedoraTestRepository.Query(root));
    }

    public void Dispose() => _temp.Dispose();

    private static string Lines(params string[] files) => string.Concat(files.Select(f => FedoraTestRepository.LockLine(f) + "\n"));

    private Task<RealTool.Result> BundleAndRunAsync(string lockfile, string root) =>
        OfflineBundle.WriteAndInstallAsync(_temp, "fedora", repository.ByHashProvider, lockfile, new Dictionary<string, string>
        {
            ["rpm"] = $"--root '{root}'",
            ["rpmkeys"] = $"--root '{root}'",
        });
}
