using ReproGet.Core.Distros;
using ReproGet.Core.Operations.Locking;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests;

/// <summary>
/// Ubuntu's archive is not reachable from here: the list below is Ubuntu-shaped (suite, component, pool path) and
/// carries the sha256 and pool path of repro-get's published Ubuntu example lock (fixtures/debian/repro-get).
/// </summary>
public sealed class UbuntuLockTests
{
    [Fact]
    public async Task LocksANamedUniversePackageAsTheGoToolsUbuntuExampleDoes()
    {
        var expected = File.ReadAllText(FixturePath.Get("debian", "repro-get", "neofetch-ubuntu_SHA256SUMS-amd64"));
        var (sha, name) = (expected[..64], expected[66..].TrimEnd('\n'));
        using var root = new DebianRoot()
            .WithInstalled("dpkg,1.21.1ubuntu2.2,amd64")
            .WithFile("etc/apt/sources.list.d/ubuntu.sources",
                "Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\nSuites: jammy jammy-updates\nComponents: main universe\n")
            .WithList("archive.ubuntu.com_ubuntu_dists_jammy_universe_binary-amd64_Packages", $"""
                Package: neofetch
                Architecture: all
                Version: 7.1.0-3
                Priority: optional
                Section: universe/misc
                Origin: Ubuntu
                Filename: {name}
                SHA256: {sha}
                Description: Shows Linux System Information with Distribution Logo

                """, ".lz4");

        var locked = await new UbuntuDistro().Locker.LockAsync(root.Context, new LockRequest(["neofetch"], false), CancellationToken.None);

        Assert.Equal(expected, string.Concat(locked.Select(f => $"{f.Sha256.Hex}  {f.Name}\n")));
    }
}
