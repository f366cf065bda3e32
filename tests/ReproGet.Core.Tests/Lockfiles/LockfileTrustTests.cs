using System.Diagnostics;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.TestKit;
using static ReproGet.Core.Tests.KnownHashes;

namespace ReproGet.Core.Tests.Lockfiles;

/// <summary>Issue 17: CIDs checked on reading, one hash per name, FIFOs and devices refused, memory bounded, names escaped.</summary>
public sealed class LockfileTrustTests
{
    [Theory]
    [InlineData(@"..\..\..\etc")]
    [InlineData(@"QmRY19HEWeTJtRC6vAdz7rDfX3PjSMgXmd1KYi9guAAC\..")]
    [InlineData("bafy%2e%2e")]
    [InlineData("Qm..")]
    public void AnInvalidCidIsRefusedWithFileAndLine(string cid)
    {
        var error = Assert.Throws<LockfileFormatException>(() =>
            Sha256SumsReader.Parse("SHA256SUMS", [$"{Hello}  {HelloName}", $"{Hello}  /ipfs/{cid}"], null));

        Assert.StartsWith("SHA256SUMS:2: invalid CID", Assert.Single(error.Diagnostics), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HelloCid)]
    [InlineData("bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")]
    [InlineData("bafkreie7ohywtosou76tasm7j63yigtzxe7d5zqus4zu3j6oltvgtibeom")]
    public void ValidCidsAreKept(string cid)
    {
        var entry = Assert.Single(Sha256SumsReader.Parse("L", [$"{Hello}  {HelloName}", $"{Hello}  /ipfs/{cid}"], null));

        Assert.Equal(cid, entry.Cid);
    }

    [Fact]
    public void OneNameWithTwoHashesIsAnErrorNamingBothLines()
    {
        var error = Assert.Throws<LockfileFormatException>(() =>
            Sha256SumsReader.Parse("SHA256SUMS", [$"{Hello}  {HelloName}", "# c", $"{Neofetch}  {HelloName}"], null));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.StartsWith("SHA256SUMS:3:", diagnostic, StringComparison.Ordinal);
        Assert.Contains("line 1", diagnostic, StringComparison.Ordinal);
        Assert.Contains(Hello, diagnostic, StringComparison.Ordinal);
        Assert.Contains(Neofetch, diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameLineTwiceIsFine()
    {
        Assert.Single(Sha256SumsReader.Parse("L", [$"{Hello}  {HelloName}", $"{Hello}  {HelloName}"], null));
    }

    [Fact]
    public async Task AFifoIsRefusedAtOnceInsteadOfWaitingForAWriter()
    {
        using var temp = new TempDirectory();
        var fifo = temp.Combine("SHA256SUMS");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var read = Task.Run(() => Sha256SumsReader.ReadFiles([fifo], "0"));
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20))));

        var error = await Assert.ThrowsAsync<ReproGetException>(() => read);
        Assert.Contains("FIFO", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACharacterDeviceIsRefusedRatherThanReadForever()
    {
        var error = Assert.Throws<ReproGetException>(() => Sha256SumsReader.ReadFiles(["/dev/zero"], "0"));

        Assert.Contains("character device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALockfileOverTheSizeLimitIsRefusedBeforeItIsRead()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("huge");
        using (var file = File.Create(path))
        {
            file.SetLength(LockfileText.MaxFileBytes + 1);
        }

        var error = Assert.Throws<LockfileFormatException>(() => LockfileText.ReadLines(path));

        Assert.Contains("MiB", Assert.Single(error.Diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public void LinesAcrossTheReadBufferAreSplitCorrectly()
    {
        var lines = Enumerable.Range(0, 20_000).Select(i => $"{Hello}  pool/{i}/hello_{i}.deb").ToList();
        var text = string.Concat(lines.Select(l => l + "\r\n"));

        Assert.Equal(lines, LockfileText.Split("L", System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("x.deb\n0000  evil.deb", @"x.deb\n0000  evil.deb")]
    [InlineData("a\u001b[31mred", @"a\x1b[31mred")]
    [InlineData("\u202ebed.exe", @"\u202ebed.exe")]
    [InlineData("line\u2028sep", @"line\u2028sep")]
    [InlineData(@"back\slash", @"back\\slash")]
    public void DataLinesEscapeNamesSoNoneCanForgeALine(string name, string escaped)
    {
        // As coreutils' sha256sum marks an escaped name: a backslash before the line.
        Assert.Equal($"\\{Hello}  {escaped}", NameEscaping.DataLine(Hello, name));
    }

    [Fact]
    public void APlainNameIsWrittenAsItIs()
    {
        Assert.Equal($"{Hello}  {HelloName}", NameEscaping.DataLine(Hello, HelloName));
    }

    [Theory]
    [InlineData("pool/\u202eb.deb")]
    [InlineData("pool/a\u2028b.deb")]
    public void InvisibleFormattingCharactersAreNotValidLockNames(string name)
    {
        Assert.Contains("invisible", LockName.Explain(name), StringComparison.Ordinal);
    }
}
