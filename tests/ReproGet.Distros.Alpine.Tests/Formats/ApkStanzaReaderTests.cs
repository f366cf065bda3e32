using System.Text;
using ReproGet.Formats.Apk;
using ReproGet.TestKit;

namespace ReproGet.Distros.Alpine.Tests.Formats;

public sealed class ApkStanzaReaderTests
{
    private static async Task<IReadOnlyList<ApkStanza>> ReadFixtureAsync(string file)
    {
        using var reader = new StreamReader(FixturePath.Get("alpine", "installed", file), Encoding.UTF8);
        return await ApkStanzaReader.ReadAllAsync(reader, file, CancellationToken.None);
    }

    [Fact]
    public async Task A_real_installed_database_of_an_alpine_316_image()
    {
        var packages = await ReadFixtureAsync("alpine-3.16-installed");
        Assert.Equal(14, packages.Count);
        Assert.Equal(packages.Count, packages.Select(p => p.Name).Distinct().Count());
        Assert.All(packages, p => Assert.NotNull(p.Checksum));
        Assert.All(packages, p => Assert.True(ApkVersion.IsValid(p.Version), p.Version));
        Assert.Contains(packages, p => p.Name == "musl");
        Assert.Contains(packages, p => p.Name == "apk-tools");
    }

    [Fact]
    public async Task A_stanza_without_a_final_blank_line_keeps_every_file_record()
    {
        var stanza = Assert.Single(await ReadFixtureAsync("alpine-baselayout-3.2.0-r6.installed"));
        Assert.Equal("alpine-baselayout", stanza.Name);
        Assert.Equal("3.2.0-r6", stanza.Version);
        Assert.True(stanza.All('F').Count() > 10);
        Assert.Equal(stanza.All('R').Count(), stanza.All('Z').Count());
    }

    [Fact]
    public async Task Repeated_and_single_fields_of_musl_utils()
    {
        var stanza = Assert.Single(await ReadFixtureAsync("musl-utils-1.1.24-r2.installed"));
        Assert.Equal("Q1bTtF5526tETKfL+lnigzIDvm+2o=", stanza.Checksum.ToString());
        Assert.Equal("x86_64", stanza.Architecture);
        Assert.Equal(37944, stanza.Size);
        Assert.Equal("musl", stanza['o']);
        Assert.Equal("libiconv", stanza['r']);
        Assert.Equal(["ldconfig", "iconv", "ldd", "getconf", "getent"], stanza.All('R'));
        Assert.Equal("Timo Teräs <timo.teras@iki.fi>", stanza['m']);
    }

    [Fact]
    public async Task A_line_that_is_no_field_is_reported_with_its_line_number()
    {
        using var reader = new StringReader("P:a\nV:1-r0\n\nP:b\nnot a field\n");
        var error = await Assert.ThrowsAsync<ApkFormatException>(() => ApkStanzaReader.ReadAllAsync(reader, "db", CancellationToken.None));
        Assert.Contains("db:5", error.Message);
    }

    [Fact]
    public async Task Several_blank_lines_separate_as_one()
    {
        using var reader = new StringReader("\n\nP:a\nV:1-r0\n\n\n\nP:b\nV:2-r1");
        var stanzas = await ApkStanzaReader.ReadAllAsync(reader, "db", CancellationToken.None);
        Assert.Equal(["a-1-r0", "b-2-r1"], stanzas.Select(s => s.ToString()));
        Assert.Equal(8, stanzas[1].Line);
    }
}
