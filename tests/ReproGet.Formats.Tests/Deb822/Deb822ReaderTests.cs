using System.Text;
using ReproGet.Formats.Deb822;
using ReproGet.TestKit;

namespace ReproGet.Formats.Tests.Deb822;

public sealed class Deb822ReaderTests
{
    private static readonly string UpdatesPackages = FixturePath.Get("debian", "bookworm-updates_main_binary-amd64_Packages");

    [Fact]
    public void ReadsEveryStanzaOfARealPackagesList()
    {
        var text = File.ReadAllText(UpdatesPackages);
        var expectedNames = text.Split('\n').Where(l => l.StartsWith("Package: ", StringComparison.Ordinal)).Select(l => l[9..]).ToList();

        var paragraphs = ReadAll(File.ReadAllBytes(UpdatesPackages));

        Assert.Equal(38, expectedNames.Count);
        Assert.Equal(expectedNames, paragraphs.Select(p => Field(p, "Package")));
        Assert.All(paragraphs, p => Assert.Matches("^[0-9a-f]{64}$", Field(p, "SHA256")));
        Assert.All(paragraphs, p => Assert.StartsWith("pool/", Field(p, "Filename")));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(100)]
    [InlineData(4096)]
    public void GivesTheSameFieldsWhateverTheBufferSize(int bufferSize)
    {
        var bytes = File.ReadAllBytes(UpdatesPackages);

        Assert.Equal(ReadAll(bytes), ReadAll(bytes, bufferSize));
    }

    [Fact]
    public void JoinsContinuationLinesWithoutTheirLeadingSpace()
    {
        var status = ReadAll(File.ReadAllBytes(FixturePath.Get("debian", "dpkg-status.excerpt")));
        var baseFiles = status.Single(p => Field(p, "Package") == "base-files");

        var conffiles = Field(baseFiles, "Conffiles").Split('\n');

        Assert.True(conffiles.Length > 3);
        Assert.All(conffiles, line => Assert.StartsWith("/etc/", line));
        Assert.Contains(conffiles, line => line.StartsWith("/etc/debian_version ", StringComparison.Ordinal));
    }

    [Fact]
    public void KeepsTheFirstLineOfAMultiLineDescription()
    {
        var stanzas = ReadAll(File.ReadAllBytes(FixturePath.Get("debian", "bookworm_main_binary-amd64_Packages.excerpt")));
        var hello = stanzas.Single(p => Field(p, "Package") == "hello");

        Assert.Equal("example package based on GNU hello", Field(hello, "Description"));
        Assert.Equal("2.10-3", Field(hello, "Version"));
    }

    [Fact]
    public void LooksUpFieldNamesWithoutRegardToCase()
    {
        using var reader = Reader("Package: hello\nMULTI-ARCH: foreign\n");

        Assert.True(reader.TryRead(out var paragraph));
        Assert.Equal("hello", paragraph["package"]);
        Assert.Equal("foreign", paragraph["Multi-Arch"]);
        Assert.Null(paragraph["Version"]);
        Assert.True(paragraph.TryGetBytes("PACKAGE", out var raw));
        Assert.Equal("hello", Encoding.ASCII.GetString(raw));
    }

    [Fact]
    public void SkipsCommentsAndRunsOfBlankLinesAndReadsALastLineWithoutNewline()
    {
        var text = "# a comment\n\n\nTypes: deb\n# inside\nURIs: http://a/debian\n \t\n\n\nTypes: deb-src\r\nURIs: http://b/debian";

        var paragraphs = ReadAll(Encoding.UTF8.GetBytes(text));

        Assert.Equal(2, paragraphs.Count);
        Assert.Equal("http://a/debian", Field(paragraphs[0], "URIs"));
        Assert.Equal("deb-src", Field(paragraphs[1], "Types"));
        Assert.Equal("http://b/debian", Field(paragraphs[1], "URIs"));
    }

    [Fact]
    public void ReadsTheSignedPartOfAClearSignedInRelease()
    {
        var paragraphs = ReadAll(File.ReadAllBytes(FixturePath.Get("debian", "bookworm-updates_InRelease")));

        var release = Assert.Single(paragraphs);
        Assert.Equal("Debian", Field(release, "Origin"));
        Assert.Equal("bookworm-updates", Field(release, "Codename"));
        Assert.Contains(" 80a1f6ee524222c49f230fc5700d00f946d0a47eb5258180106dd03df126e16a    32757 main/binary-amd64/Packages",
            "\n" + Field(release, "SHA256").Replace("\n", "\n ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Package: a\nnot a field\n", 2, "not a 'Field: value' line")]
    [InlineData(" continued\nPackage: a\n", 1, "continuation line before any field")]
    [InlineData("Package: a\n\n: no name\n", 3, "not a 'Field: value' line")]
    public void ReportsTheFileAndLineOfAMalformedLine(string text, int line, string problem)
    {
        using var reader = Reader(text);

        var error = Assert.Throws<Deb822FormatException>(() =>
        {
            while (reader.TryRead(out _))
            {
            }
        });

        Assert.StartsWith($"test.txt:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsTheLineWhereEachParagraphStarts()
    {
        using var reader = Reader("\n\nA: 1\nB: 2\n\nC: 3\n");

        Assert.True(reader.TryRead(out var first));
        Assert.Equal(3, first.LineNumber);
        Assert.True(reader.TryRead(out var second));
        Assert.Equal(6, second.LineNumber);
        Assert.False(reader.TryRead(out _));
    }

    private static Deb822Reader Reader(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test.txt");

    private static List<IReadOnlyList<KeyValuePair<string, string>>> ReadAll(byte[] bytes, int? bufferSize = null)
    {
        using var reader = bufferSize is { } size
            ? new Deb822Reader(new MemoryStream(bytes), "test", leaveOpen: false, size)
            : new Deb822Reader(new MemoryStream(bytes), "test");
        var paragraphs = new List<IReadOnlyList<KeyValuePair<string, string>>>();
        while (reader.TryRead(out var paragraph))
        {
            paragraphs.Add(paragraph.ToFields());
        }
        return paragraphs;
    }

    private static string Field(IReadOnlyList<KeyValuePair<string, string>> paragraph, string name) =>
        paragraph.First(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
