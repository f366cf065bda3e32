using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Tests.Formats;

public sealed class ApkChecksumTests
{
    [Fact]
    public void Round_trips_the_index_form()
    {
        Assert.True(ApkChecksum.TryParse("Q1owNdUcG0hf9pE5c2MbsYhrwqQGE=", out var checksum));
        Assert.Equal("Q1owNdUcG0hf9pE5c2MbsYhrwqQGE=", checksum.ToString());
        Assert.Equal(20, checksum.Value.Sha1.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Q2owNdUcG0hf9pE5c2MbsYhrwqQGE=")]
    [InlineData("Q1owNdUcG0hf9pE5c2MbsYhrwqQ=")]
    [InlineData("Q1!!!")]
    public void Rejects_other_forms(string? text) => Assert.False(ApkChecksum.TryParse(text, out _));

    [Fact]
    public void Equal_checksums_are_equal_values()
    {
        ApkChecksum.TryParse("Q1owNdUcG0hf9pE5c2MbsYhrwqQGE=", out var a);
        ApkChecksum.TryParse("Q1owNdUcG0hf9pE5c2MbsYhrwqQGE=", out var b);
        ApkChecksum.TryParse("Q19nYAczlTXiHeeaz/vnrnQ6H3Fow=", out var c);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Single(new HashSet<ApkChecksum> { a!.Value, b!.Value });
    }

    [Fact]
    public void The_cache_tag_is_the_first_four_bytes_in_hex()
    {
        ApkChecksum.TryParse("Q1owNdUcG0hf9pE5c2MbsYhrwqQGE=", out var checksum);
        Assert.Equal(Convert.ToHexStringLower(Convert.FromBase64String("owNdUcG0hf9pE5c2MbsYhrwqQGE=").AsSpan(0, 4)), checksum!.Value.CacheTag);
        Assert.Equal("a3035d51", checksum.Value.CacheTag);
    }
}
