using System.Text;
using ReproGet.Distros.Debian.Apt;
using ReproGet.Formats.Compression;
using ReproGet.Formats.Deb822;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Apt;

/// <summary>The byte scanner against the general deb822 reader, on real bookworm stanzas, whatever the read size.</summary>
public sealed class PackagesListScannerTests
{
    private static readonly byte[] RealList = ReadPlain(FixturePath.Get("debian", "bookworm_main_binary-amd64_Packages.excerpt"));

    [Theory]
    [InlineData(1 << 20)]
    [InlineData(4096)]
    [InlineData(64)]
    public void FindsExactlyTheStanzasTheDeb822ReaderFindsForTheWantedNames(int chunkSize)
    {
        var all = Oracle(RealList);
        var wanted = all.Select(s => s.Name).Distinct().Where((_, i) => i % 3 == 0).ToHashSet(StringComparer.Ordinal);

        var found = Scan(RealList, wanted, chunkSize, out var unusable);

        Assert.True(wanted.Count > 5, "the excerpt should hold enough packages to mean something");
        Assert.Equal(all.Where(s => wanted.Contains(s.Name)), found);
        Assert.Equal(0, unusable);
    }

    [Fact]
    public void PackageNeedNotBeTheFirstFieldAndFieldNamesIgnoreCase()
    {
        var list = Encoding.ASCII.GetBytes(
            "Package: other\nVersion: 1\n\n"
            + "version: 2.0-1\nPackage: hello\nArchitecture: amd64\nDescription: x\n Package: not-a-field\n"
            + "filename: pool/main/h/hello/hello_2.0-1_amd64.deb\nSHA256: " + new string('a', 64) + "\n\n"
            + "Package: hello\nVersion: 3\nArchitecture: amd64\nFilename: pool/x.deb\n");

        var found = Scan(list, new HashSet<string>(["hello", "not-a-field"], StringComparer.Ordinal), 16, out var unusable);

        var only = Assert.Single(found);
        Assert.Equal(("hello", "amd64", "2.0-1", "pool/main/h/hello/hello_2.0-1_amd64.deb"), (only.Name, only.Architecture, only.Version, only.Filename));
        Assert.Equal(1, unusable);
    }

    private static List<(string Name, string Architecture, string Version, string Filename, string Sha256)> Scan(
        byte[] list, IReadOnlySet<string> wanted, int chunkSize, out int unusable)
    {
        var names = wanted.ToDictionary(n => n, n => n, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var found = new List<(string, string, string, string, string)>();
        unusable = PackagesListScanner.Scan(new MemoryStream(list), names,
            (name, s) => found.Add((name, s.Architecture, s.Version, s.Filename, s.Sha256.Hex)), chunkSize);
        return found;
    }

    private static List<(string Name, string Architecture, string Version, string Filename, string Sha256)> Oracle(byte[] list)
    {
        var all = new List<(string, string, string, string, string)>();
        using var reader = new Deb822Reader(new MemoryStream(list), "excerpt");
        while (reader.TryRead(out var stanza))
        {
            all.Add((stanza["Package"]!, stanza["Architecture"]!, stanza["Version"]!, stanza["Filename"]!, stanza["SHA256"]!));
        }
        return all;
    }

    private static byte[] ReadPlain(string path)
    {
        using var stream = Decompression.OpenFile(path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
