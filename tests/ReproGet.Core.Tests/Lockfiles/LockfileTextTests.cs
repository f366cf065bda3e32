using System.Text;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Tests.Lockfiles;

/// <summary>Splitting a file into lines, with the limits a hostile file needs.</summary>
public sealed class LockfileTextTests
{
    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\nb", new[] { "a", "b" })]
    [InlineData("a\r\nb\r\n", new[] { "a", "b" })]
    [InlineData("a\r\r\n", new[] { "a\r" })]
    [InlineData("\n\n", new[] { "", "" })]
    [InlineData("", new string[0])]
    public void LinesEndAtLfAndLoseOneTrailingCr(string text, string[] lines)
    {
        Assert.Equal(lines, LockfileText.Split("L", Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void ALineLongerThan64KiBIsAnErrorNamingFileAndLine()
    {
        var text = "ok\n" + new string('a', LockfileText.MaxLineLength + 1) + "\n";
        var error = Assert.Throws<LockfileFormatException>(() => LockfileText.Split("big", Encoding.UTF8.GetBytes(text)));
        Assert.StartsWith("big:2: ", Assert.Single(error.Diagnostics));
    }

    [Fact]
    public void ALineOfExactly64KiBIsAccepted()
    {
        var line = new string('a', LockfileText.MaxLineLength);
        Assert.Equal([line], LockfileText.Split("L", Encoding.UTF8.GetBytes(line + "\n")));
    }

    [Fact]
    public void NulBytesMeanBinaryDataAndNameTheLine()
    {
        var error = Assert.Throws<LockfileFormatException>(() => LockfileText.Split("bin", "a\nb\0c\n"u8));
        Assert.StartsWith("bin:2: binary data", Assert.Single(error.Diagnostics));
    }

    [Fact]
    public void InvalidUtf8IsAnErrorNamingTheLine()
    {
        var error = Assert.Throws<LockfileFormatException>(() => LockfileText.Split("u", [.. "ok\nok\nbad "u8, 0xff, 0xfe, .. " name\n"u8]));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.StartsWith("u:3: ", diagnostic);
        Assert.Contains("UTF-8", diagnostic);
    }

    [Fact]
    public void NonAsciiUtf8NamesAreKept()
    {
        Assert.Equal(["x  pool/ünïcode.txt"], LockfileText.Split("L", Encoding.UTF8.GetBytes("x  pool/ünïcode.txt\n")));
    }
}
