using ReproGet.Core.Distros;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Distros.Debian.Tests;

public sealed class DistroProvidersTests
{
    [Fact]
    public void DebianTriesTheRootsMirrorsThenSnapshotThenTheArchive()
    {
        using var root = new DebianRoot()
            .WithFile("etc/apt/sources.list", "deb http://deb.debian.org/debian bookworm main\ndeb http://security.debian.org/debian-security bookworm-security main\n");

        Assert.Equal(
        [
            "http://deb.debian.org/debian/{{.Name}}",
            "http://security.debian.org/debian-security/{{.Name}}",
            "http://snapshot.debian.org/archive/debian/{{timeToDebianSnapshot .Epoch}}/{{.Name}}",
            "http://snapshot.debian.org/archive/debian-security/{{timeToDebianSnapshot .Epoch}}/{{.Name}}",
            "http://archive.debian.org/debian/{{.Name}}",
            "http://archive.debian.org/debian-security/{{.Name}}",
        ], new DebianDistro().DefaultProviders(root.Context));
    }

    [Fact]
    public void DebianWithoutSourcesFallsBackToDebDebianOrg()
    {
        using var root = new DebianRoot();

        var providers = new DebianDistro().DefaultProviders(root.Context);

        Assert.Equal("http://deb.debian.org/debian/{{.Name}}", providers[0]);
        Assert.Equal("http://deb.debian.org/debian-security/{{.Name}}", providers[1]);
        Assert.Equal(6, providers.Count);
    }

    [Fact]
    public void UbuntuTriesItsDeb822MirrorsThenLaunchpadThenOldReleases()
    {
        using var root = new DebianRoot().WithFile("etc/apt/sources.list.d/ubuntu.sources", """
            Types: deb
            URIs: http://archive.ubuntu.com/ubuntu/
            Suites: noble noble-updates noble-backports
            Components: main restricted universe multiverse
            Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg

            Types: deb
            URIs: http://security.ubuntu.com/ubuntu/
            Suites: noble-security
            Components: main restricted universe multiverse
            Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg
            """);

        Assert.Equal(
        [
            "http://archive.ubuntu.com/ubuntu/{{.Name}}",
            "http://security.ubuntu.com/ubuntu/{{.Name}}",
            "http://launchpad.net/ubuntu/+archive/primary/+files/{{.Basename}}",
            "http://old-releases.ubuntu.com/ubuntu/{{.Name}}",
        ], new UbuntuDistro().DefaultProviders(root.Context));
    }

    [Theory]
    [InlineData("pool/main/h/hello/hello_2.10-3_amd64.deb", EntryRole.Package)]
    [InlineData("hello_2.10-3_amd64.deb", EntryRole.Package)]
    [InlineData("SHA256SUMS.asc", EntryRole.NotNeeded)]
    [InlineData("x86_64/bash-5.1-2.fc36.x86_64.rpm", EntryRole.NotNeeded)]
    public void ClassifiesDebsAsPackagesAndTheRestAsNotNeeded(string name, EntryRole role)
    {
        Assert.Equal(role, new DebianDistro().Entries.Classify(new LockEntry(name, Sha256Digest.Parse(new string('0', 64)))));
    }
}
