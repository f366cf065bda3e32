using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests.Integration;

/// <summary>
/// The offline bundle's install.sh with the real pacman-key and pacman, pointed by <see cref="OfflineBundle"/>'s
/// wrappers at a fresh root and its keyring.
/// </summary>
[Collection(ArchTestRepositoryCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BundleTests(ArchTestRepository repository) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task InstallShVerifiesEverySignatureThenInstallsInOneTransaction()
    {
        var lockfile = _temp.WriteFile("SHA256SUMS", Lines(repository.Packages));
        var root = repository.CreateRoot(_temp.Combine("root"), withRepository: false);

        var result = await BundleAndRunAsync(lockfile, root);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("verifying 6 files", result.StandardError);
        Assert.Equal("rg-epoch 1:0.5-2\nrg-hello 2.1-3\nrg-libgreet 1.0-1\n", ArchTestRepository.Query(root));
    }

    [Fact]
    public async Task InstallShRefusesAPackageSignedByAnUntrustedKeyAndInstallsNothing()
    {
        var rogue = Directory.EnumerateFiles(repository.RogueDirectory, "*.pkg.tar.zst").Single();
        var lockfile = _temp.WriteFile("SHA256SUMS", Lines(repository.Packages.Append(rogue)));
        var root = repository.CreateRoot(_temp.Combine("root"), withRepository: false);

        var result = await BundleAndRunAsync(lockfile, root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the signature of rg-rogue-1.0-1-any.pkg.tar.zst does not verify with pacman's keyring: nothing was installed", result.StandardError);
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(root, "var/lib/pacman")).SelectMany(Directory.EnumerateDirectories));
    }

    public void Dispose() => _temp.Dispose();

    private static string Lines(IEnumerable<string> packages) =>
        string.Concat(packages.SelectMany(p => new[] { p, p + ".sig" }).Select(ArchTestRepository.LockLine).Select(l => l + "\n"));

    private Task<RealTool.Result> BundleAndRunAsync(string lockfile, string root) =>
        OfflineBundle.WriteAndInstallAsync(_temp, "arch", repository.ByHashProvider, lockfile, new Dictionary<string, string>
        {
            ["pacman"] = $"--root '{root}' --dbpath '{root}/var/lib/pacman' --config '{root}/etc/pacman.conf' "
                + $"--gpgdir '{root}/etc/pacman.d/gnupg' --cachedir '{root}/var/cache/pacman/pkg'",
            ["pacman-key"] = $"--gpgdir '{root}/etc/pacman.d/gnupg'",
        });
}
