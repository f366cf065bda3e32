using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Tests.Formats;

public sealed class GzipMemberReaderTests
{
    [Theory]
    [InlineData("baselayout", new[] { 666, 1563 }, 8783)]
    [InlineData("unsigned", new[] { 274 }, 225)]
    [InlineData("v3.16-index", new[] { 667 }, 655087)]
    public async Task Members_are_split_exactly_where_the_real_files_put_them(string file, int[] memberLengths, long remainder)
    {
        var path = file switch
        {
            "baselayout" => AlpineFixtures.BaseLayout,
            "unsigned" => AlpineFixtures.Unsigned,
            _ => AlpineFixtures.V316Index,
        };
        await using var stream = File.OpenRead(path);
        var reader = new GzipMemberReader(stream, path);
        var offset = 0;
        var bytes = await File.ReadAllBytesAsync(path);
        foreach (var length in memberLengths)
        {
            var member = await reader.ReadMemberAsync(1 << 20, CancellationToken.None);
            Assert.Equal(length, member.Raw.Length);
            Assert.Equal(bytes.AsSpan(offset, length).ToArray(), member.Raw);
            offset += length;
        }
        var rest = new MemoryStream();
        await reader.Remainder.CopyToAsync(rest);
        Assert.Equal(remainder, rest.Length);
        Assert.Equal(bytes.AsSpan(offset).ToArray(), rest.ToArray());
    }

    [Fact]
    public async Task A_truncated_member_is_a_format_error()
    {
        var bytes = (await File.ReadAllBytesAsync(AlpineFixtures.BaseLayout))[..400];
        var reader = new GzipMemberReader(new MemoryStream(bytes), "cut.apk");
        var error = await Assert.ThrowsAsync<ApkFormatException>(() => reader.ReadMemberAsync(1 << 20, CancellationToken.None));
        Assert.Contains("cut.apk", error.Message);
    }

    [Fact]
    public async Task Apk_v3_files_are_named_as_such()
    {
        var reader = new GzipMemberReader(new MemoryStream("ADB.pckg........"u8.ToArray()), "v3.apk");
        var error = await Assert.ThrowsAsync<ApkFormatException>(() => reader.ReadMemberAsync(1 << 20, CancellationToken.None));
        Assert.Contains("apk v3", error.Message);
    }

    [Fact]
    public async Task A_member_larger_than_allowed_is_refused()
    {
        await using var stream = File.OpenRead(AlpineFixtures.BaseLayout);
        var reader = new GzipMemberReader(stream, "big.apk");
        await reader.ReadMemberAsync(1 << 20, CancellationToken.None);
        await Assert.ThrowsAsync<ApkFormatException>(() => reader.ReadMemberAsync(4096, CancellationToken.None));
    }
}
