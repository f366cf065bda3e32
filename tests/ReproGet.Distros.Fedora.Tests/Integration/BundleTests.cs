using ReproGet.TestKit;

namespace ReproGet.Distros.Fedora.Tests.Integration;

/// <summary>
/// The offline bundle's install.sh with the real rpmkeys and rpm. The script calls them by name, as on the target
/// machine; here PATH puts first two one-line wrappers that point them at a fresh root.
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

    private async Task<RealTool.Result> BundleAndRunAsync(string lockfile, string root)
    {
        var bundle = _temp.Combine("bundle");
        using var write = await ReproGetProcess.RunAsync(["--distro", "fedora", "--cache", _temp.Combine("cache"),
            "--provider", repository.ByHashProvider, "bundle", lockfile, "-o", bundle]);
        Assert.True(write.ExitCode == 0, write.ToString());
        var bin = Directory.CreateDirectory(_temp.Combine("bin")).FullName;
        Wrap(bin, "rpm", root);
        Wrap(bin, "rpmkeys", root);
        return RealTool.Try("env", [$"PATH={bin}:{Environment.GetEnvironmentVariable("PATH")}", "sh", Path.Combine(bundle, "install.sh")]);
    }

    private static void Wrap(string bin, string tool, string root)
    {
        var path = Path.Combine(bin, tool);
        File.WriteAllText(path, $"#!/bin/sh\nexec /usr/bin/{tool} --root '{root}' \"$@\"\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }
}
