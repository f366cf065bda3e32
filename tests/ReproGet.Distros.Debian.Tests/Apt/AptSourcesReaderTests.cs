using ReproGet.Distros.Debian.Apt;

namespace ReproGet.Distros.Debian.Tests.Apt;

public sealed class AptSourcesReaderTests
{
    [Fact]
    public void ReadsOneLineEntriesWithOptionsAndComments()
    {
        const string text = """
            # deb http://commented.example/debian bookworm main
            deb [arch=amd64 signed-by=/usr/share/keyrings/x.gpg] http://deb.debian.org/debian bookworm main contrib  # trailing
            deb-src http://deb.debian.org/debian bookworm main
            deb	http://security.debian.org/debian-security bookworm-security main

            """;

        var sources = AptSourcesReader.ParseOneLine(text, "sources.list").ToList();

        Assert.Equal(3, sources.Count);
        Assert.Equal(["deb"], sources[0].Types);
        Assert.Equal(["http://deb.debian.org/debian"], sources[0].Uris);
        Assert.Equal(["bookworm"], sources[0].Suites);
        Assert.Equal(["main", "contrib"], sources[0].Components);
        Assert.False(sources[1].IsBinary);
        Assert.Equal(["http://security.debian.org/debian-security"], sources[2].Uris);
    }

    [Fact]
    public void ReadsDeb822EntriesAndSkipsDisabledOnes()
    {
        const string text = """
            Types: deb
            # http://snapshot.debian.org/archive/debian/20250520T000000Z
            URIs: http://deb.debian.org/debian
            Suites: bookworm bookworm-updates
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb deb-src
            URIs: http://mirror-a.example/debian
              http://mirror-b.example/debian
            Suites: bookworm
            Components: main

            Enabled: no
            Types: deb
            URIs: http://disabled.example/debian
            Suites: bookworm
            Components: main
            """;

        var sources = AptSourcesReader.ParseDeb822(System.Text.Encoding.UTF8.GetBytes(text), "debian.sources").ToList();

        Assert.Equal(2, sources.Count);
        Assert.Equal(["bookworm", "bookworm-updates"], sources[0].Suites);
        Assert.Equal(["http://mirror-a.example/debian", "http://mirror-b.example/debian"], sources[1].Uris);
        Assert.True(sources[1].IsBinary);
    }

    [Fact]
    public void ReadsSourcesListFirstThenTheDirectoryByName()
    {
        using var root = new DebianRoot()
            .WithFile("etc/apt/sources.list.d/b.list", "deb http://b.example/debian bookworm main\n")
            .WithFile("etc/apt/sources.list.d/a.sources", "Types: deb\nURIs: http://a.example/debian\nSuites: bookworm\nComponents: main\n")
            .WithFile("etc/apt/sources.list.d/c.list.disabled", "deb http://ignored.example/debian bookworm main\n")
            .WithFile("etc/apt/sources.list", "deb http://first.example/debian bookworm main\n");

        var uris = AptSourcesReader.Read(root.Context).SelectMany(s => s.Uris);

        Assert.Equal(["http://first.example/debian", "http://a.example/debian", "http://b.example/debian"], uris);
    }

    [Fact]
    public void MakesOneProviderPerDistinctMirrorTheFetcherCanOpen()
    {
        var sources = AptSourcesReader.ParseOneLine("""
            deb http://deb.debian.org/debian/ bookworm main
            deb http://deb.debian.org/debian bookworm-updates main
            deb-src http://sources-only.example/debian bookworm main
            deb mirror+file:///etc/apt/mirrors.txt bookworm main
            deb tor+http://onion.example/debian bookworm main
            deb file:/srv/mirror bookworm main
            deb https://secure.example/debian bookworm main
            """, "sources.list");

        Assert.Equal(
        [
            "http://deb.debian.org/debian/{{.Name}}",
            "file:///srv/mirror/{{.Name}}",
            "https://secure.example/debian/{{.Name}}",
        ], MirrorProviders.From(sources));
    }
}
