using ReproGet.Distros.Debian.Apt;

namespace ReproGet.Distros.Debian.Tests.Apt;

public sealed class ListFileOrderTests
{
    /// <summary>Expected names as apt's own URItoFileName gives them (python3-apt's apt_pkg.uri_to_filename).</summary>
    [Theory]
    [InlineData("http://deb.debian.org/debian", "bookworm", "deb.debian.org_debian_dists_bookworm_")]
    [InlineData("http://deb.debian.org/debian/", "bookworm-updates", "deb.debian.org_debian_dists_bookworm-updates_")]
    [InlineData("http://user:secret@mirror.example/debian", "bookworm", "mirror.example_debian_dists_bookworm_")]
    [InlineData("http://ppa.example/~team/ubuntu", "jammy", "ppa.example_%7eteam_ubuntu_dists_jammy_")]
    [InlineData("http://flat.example/repo", "./", "flat.example_repo_._")]
    [InlineData("file:/srv/mirror", "bookworm", "_srv_mirror_dists_bookworm_")]
    [InlineData("file:///srv/mirror", "bookworm", "_srv_mirror_dists_bookworm_")]
    [InlineData("http://h.example:8080/a_b", "x", "h.example:8080_a%5fb_dists_x_")]
    public void NamesListsAsAptDoes(string uri, string suite, string prefix)
    {
        Assert.Equal(prefix, ListFileOrder.ListFilePrefix(uri, suite));
    }

    [Fact]
    public void PutsListsInTheOrderOfTheSourcesThenTheRestByName()
    {
        var sources = AptSourcesReader.ParseOneLine("""
            deb http://deb.debian.org/debian bookworm main
            deb http://deb.debian.org/debian-security bookworm-security main
            deb http://deb.debian.org/debian bookworm-updates main
            """, "sources.list").ToList();
        string[] lists =
        [
            "/l/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages.lz4",
            "/l/deb.debian.org_debian_dists_bookworm-updates_main_binary-amd64_Packages.lz4",
            "/l/unknown.example_dists_x_main_binary-amd64_Packages",
            "/l/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4",
            "/l/another.example_dists_x_main_binary-amd64_Packages",
        ];

        Assert.Equal(
        [
            "/l/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4",
            "/l/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages.lz4",
            "/l/deb.debian.org_debian_dists_bookworm-updates_main_binary-amd64_Packages.lz4",
            "/l/another.example_dists_x_main_binary-amd64_Packages",
            "/l/unknown.example_dists_x_main_binary-amd64_Packages",
        ], ListFileOrder.Sort(lists, sources));
    }
}
