using ReproGet.Core.Errors;
using ReproGet.Distros.Debian.Resolving;

namespace ReproGet.Distros.Debian.Tests.Resolving;

public sealed class AptSourceLineTests
{
    [Fact]
    public void AOneLineSourceKeepsItsOptionsAndWritesBackTheSame()
    {
        const string text = "deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main contrib";

        var source = AptSourceLine.Parse(text);

        Assert.Equal("/usr/share/keyrings/debian-archive-keyring.gpg", source.Option("signed-by"));
        Assert.Equal("http://deb.debian.org/debian/", source.BaseUri);
        Assert.Equal(["main", "contrib"], source.Components);
        Assert.Equal(text, source.ToString());
    }

    [Theory]
    [InlineData("deb [trusted=yes] http://deb.debian.org/debian bookworm main", "trusted=yes")]
    [InlineData("deb-src http://deb.debian.org/debian bookworm main", "deb-src")]
    [InlineData("deb http://deb.debian.org/debian", "URI SUITE")]
    [InlineData("deb [signed-by=/k.gpg http://deb.debian.org/debian bookworm main", "not closed")]
    public void SourcesAptWouldNotVerifyOrCannotReadAreRefused(string text, string expected)
    {
        var error = Assert.Throws<ReproGetException>(() => AptSourceLine.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASnapshotTimePointsDebianSourcesAtSnapshotDebianOrgWithoutValidUntil()
    {
        var source = AptSourceLine.Parse("deb [signed-by=/k.gpg] http://deb.debian.org/debian-security bookworm-security main");

        var pinned = SnapshotArchive.Apply(source, DateTimeOffset.FromUnixTimeSeconds(1704164645));

        Assert.Equal("deb [signed-by=/k.gpg check-valid-until=no] http://snapshot.debian.org/archive/debian-security/20240102T030405Z/ bookworm-security main",
            pinned.ToString());
    }

    [Fact]
    public void ASnapshotOfAnUnknownMirrorIsRefusedRatherThanGuessed()
    {
        var source = AptSourceLine.Parse("deb http://mirror.example/debian bookworm main");

        Assert.Throws<ReproGetException>(() => SnapshotArchive.Apply(source, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void PrintUrisLinesGiveTheUnescapedUriTheBasenameAndTheSize()
    {
        const string output = """
            'http://deb.debian.org/debian/pool/main/g/gcc-12/gcc-12-base_12.2.0-14%2bdeb12u1_amd64.deb' gcc-12-base_12.2.0-14+deb12u1_amd64.deb 37596 MD5Sum:8e7e741807b1e1939df8f58323affdcb
            'http://deb.debian.org/debian/pool/main/h/hello/hello_2.10-3_amd64.deb' hello_2.10-3_amd64.deb 53080 MD5Sum:d04c2e9639dee67aa836d8232b1ca658
            """;

        var lines = PrintUrisLine.ParseAll(output);

        Assert.Equal(new PrintUrisLine("http://deb.debian.org/debian/pool/main/g/gcc-12/gcc-12-base_12.2.0-14+deb12u1_amd64.deb",
            "gcc-12-base_12.2.0-14+deb12u1_amd64.deb", 37596), lines[0]);
        Assert.Equal(2, lines.Count);
    }
}
