using ReproGet.Core.Distros;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Distros.Alpine.Tests.Builders;

namespace ReproGet.Distros.Alpine.Tests;

public sealed class AlpineDistroTests
{
    private static readonly Sha256Digest AnyDigest = Sha256Digest.Parse("751989acf8b103f8d0c0e09fdf009e4ea2fd01659b9bb36a0a46750bc8b6e1a9");

    [Theory]
    [InlineData("v3.16/main/x86_64/bash-5.1.16-r2.apk", EntryRole.Package)]
    [InlineData("v3.16/main/x86_64/font-adobe-100dpi-1.0.3-r0.apk", EntryRole.Package)]
    [InlineData("pool/main/h/hello/hello_2.10-2_amd64.deb", EntryRole.NotNeeded)]
    [InlineData("v3.16/main/x86_64/APKINDEX.tar.gz", EntryRole.NotNeeded)]
    public void Classifies_apk_files_as_packages(string name, EntryRole role) =>
        Assert.Equal(role, new AlpineDistro().Entries.Classify(new LockEntry(name, AnyDigest)));

    [Fact]
    public async Task Expected_sizes_are_the_S_of_the_indexes_in_apks_cache_matched_by_file_name()
    {
        using var root = new AlpineTestRoot();
        Directory.CreateDirectory(root.ApkCache);
        File.Copy(AlpineFixtures.V316Index, Path.Combine(root.ApkCache, "APKINDEX.2c4ac24e.tar.gz"));
        var listed = new LockEntry("v3.16/main/x86_64/git-zsh-completion-5.8.1-r4.apk", AnyDigest);
        var unlisted = new LockEntry("v3.16/main/x86_64/not-in-the-index-1.0-r0.apk",
            Sha256Digest.Parse("0000000000000000000000000000000000000000000000000000000000000001"));

        var sizes = await new AlpineDistro().Sizes.FindAsync(root.Context, [listed, unlisted], CancellationToken.None);

        Assert.Equal(97492, Assert.Single(sizes, s => s.Key == AnyDigest).Value);
        Assert.Single(sizes);
    }

    [Fact]
    public void Default_providers_are_the_configured_mirrors_then_alpines_cdn_and_are_called_ephemeral()
    {
        using var root = new AlpineTestRoot();
        root.WriteRepositories("https://mirror.example/alpine/v3.16/main", "https://mirror.example/alpine/v3.16/community",
            "https://dl-cdn.alpinelinux.org/alpine/edge/testing");
        var distro = new AlpineDistro();

        Assert.Equal(["https://mirror.example/alpine/{{.Name}}", AlpineDistro.CdnProvider], distro.DefaultProviders(root.Context));
        distro.DefaultProviders(root.Context);
        Assert.Single(root.Log.Warnings, w => w.Contains("ephemeral", StringComparison.Ordinal) && w.Contains("--provider", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_repositories_the_go_tools_provider_remains()
    {
        using var root = new AlpineTestRoot();
        Assert.Equal([AlpineDistro.CdnProvider], new AlpineDistro().DefaultProviders(root.Context));
    }

    [Fact]
    public void Bundles_install_with_apk_checking_signatures_against_the_images_keys()
    {
        var distro = new AlpineDistro();
        Assert.Equal("apk", distro.Bundle.BundleTool);
        Assert.Equal("apk add --no-network \"$@\"", distro.Bundle.BundleInstallCommand);
        Assert.Equal("alpine", distro.Name);
    }
}
