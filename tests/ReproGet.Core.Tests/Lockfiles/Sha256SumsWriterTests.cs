using System.Text;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.TestKit;
using static ReproGet.Core.Tests.KnownHashes;

namespace ReproGet.Core.Tests.Lockfiles;

/// <summary>Writing is deterministic: sorted by name, two spaces, LF, each CID line right after its entry.</summary>
public sealed class Sha256SumsWriterTests
{
    public static TheoryData<string> GoExampleLockfiles() =>
    [
        .. Directory.EnumerateFiles(FixturePath.Get("lockfiles", "repro-get"), "SHA256SUMS-*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(FixturePath.Get("lockfiles"), p))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void EntriesAreSortedByNameAndCidLinesFollowTheirEntry()
    {
        var entries = new[]
        {
            new LockEntry("z.txt", Sha256Digest.Parse(Neofetch)),
            new LockEntry(HelloName, Sha256Digest.Parse(Hello), HelloCid),
            new LockEntry("B.txt", Sha256Digest.Parse(Neofetch)),
        };
        Assert.Equal(
            $"{Neofetch}  B.txt\n{Hello}  {HelloName}\n{Hello}  /ipfs/{HelloCid}\n{Neofetch}  z.txt\n",
            Sha256SumsWriter.Format(entries));
    }

    [Fact]
    public void OutputDoesNotDependOnInputOrder()
    {
        var entries = Enumerable.Range(0, 50).Select(i => new LockEntry($"f{i * 7 % 50}.txt", Sha256Digest.Parse(Hello))).ToList();
        Assert.Equal(Sha256SumsWriter.Format(entries), Sha256SumsWriter.Format(entries.AsEnumerable().Reverse()));
    }

    [Theory]
    [MemberData(nameof(GoExampleLockfiles))]
    public void GoExampleLockfilesRoundTrip(string relativePath)
    {
        var path = FixturePath.Get("lockfiles", relativePath);
        var original = File.ReadAllText(path, Encoding.UTF8);
        var entries = Sha256SumsReader.ReadFiles([path], "1639958400");
        var written = Sha256SumsWriter.Format(entries);

        // Same lines; sorted by name (the Go tool wrote them in the package manager's order).
        Assert.Equal(original.Split('\n').Order(StringComparer.Ordinal), written.Split('\n').Order(StringComparer.Ordinal));
        var names = written.TrimEnd('\n').Split('\n').Select(l => l[66..]).Where(n => !n.StartsWith("/ipfs/")).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(written, Sha256SumsWriter.Format(Sha256SumsReader.Parse(path, LockfileText.Split(path, Encoding.UTF8.GetBytes(written)), null)));
    }

    [Theory]
    [InlineData("repro-get/examples/hello/SHA256SUMS-amd64")]
    [InlineData("repro-get/examples/neofetch-arch/SHA256SUMS-amd64")]
    [InlineData("repro-get/examples/neofetch-debian/SHA256SUMS-amd64")]
    [InlineData("repro-get/readme/SHA256SUMS-amd64.with-ipfs")]
    public void SortedGoLockfilesRoundTripByteForByte(string relativePath)
    {
        var path = FixturePath.Get("lockfiles", relativePath);
        var written = Sha256SumsWriter.Format(Sha256SumsReader.ReadFiles([path], "0"));
        Assert.Equal(File.ReadAllBytes(path), Encoding.UTF8.GetBytes(written));
    }

    [Fact]
    public void CrlfLockfilesAreReadWithoutCarriageReturns()
    {
        var entries = Sha256SumsReader.ReadFiles([FixturePath.Get("lockfiles", "crlf.SHA256SUMS")], "0");
        Assert.Equal([HelloName, "pool/main/n/neofetch/neofetch_7.1.0-2_all.deb"], entries.Select(e => e.Name));
    }

    [Fact]
    public void GeneratedLinesRoundTripByteForByteThroughTheReader()
    {
        var files = new[]
        {
            new LockedFile(Sha256Digest.Parse(Hello), HelloName),
            new LockedFile(Sha256Digest.Parse(Neofetch), "pool/main/n/neofetch/neofetch_7.1.0-2_all.deb"),
            new LockedFile(Sha256Digest.Parse(Neofetch), "x86_64/neofetch-7.1.0-2-any.pkg.tar.zst.sig"),
        };
        var written = Sha256SumsWriter.Format(files);
        using var temp = new TempDirectory();
        var path = temp.Combine("SHA256SUMS");
        File.WriteAllText(path, written);

        var read = Sha256SumsReader.ReadFiles([path], "0");

        Assert.Equal(files.Select(f => (f.Sha256, f.Name)), read.Select(e => (e.Sha256, e.Name)));
        Assert.Equal(File.ReadAllBytes(path), Encoding.UTF8.GetBytes(Sha256SumsWriter.Format(read)));
        Assert.Equal($"{Hello}  {HelloName}\n", Sha256SumsWriter.Lines([Sha256SumsWriter.Line(files[0].Sha256, files[0].Name)]));
    }

    [Fact]
    public void AnIpfsLineIsReadBackAsTheCidOfItsEntry()
    {
        var sha = Sha256Digest.Parse(Hello);
        var text = Sha256SumsWriter.Lines([Sha256SumsWriter.Line(sha, HelloName), Sha256SumsWriter.IpfsLine(sha, HelloCid)]);
        using var temp = new TempDirectory();
        var path = temp.Combine("SHA256SUMS");
        File.WriteAllText(path, text);

        var entry = Assert.Single(Sha256SumsReader.ReadFiles([path], "0"));

        Assert.Equal(HelloCid, entry.Cid);
        Assert.Equal(text, Sha256SumsWriter.Format([entry]));
    }

    [Theory]
    [InlineData("a.deb\nffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff  evil.deb")]
    [InlineData("a.deb\r")]
    [InlineData("")]
    public void ANameThatWouldForgeALineIsRefused(string name)
    {
        var error = Assert.Throws<ReproGetException>(() => Sha256SumsWriter.Line(Sha256Digest.Parse(Hello), name));
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }
}
