using ReproGet.Distros.Debian.Apt;

namespace ReproGet.Distros.Debian.Tests.Apt;

/// <summary>The scanner's read-ahead: the same bytes in the same order, the inner stream's error at the read that reaches it.</summary>
public sealed class ReadAheadStreamTests
{
    [Theory]
    [InlineData(0, 7)]
    [InlineData(1, 7)]
    [InlineData(7 * 5, 7)]
    [InlineData(100_003, 4096)]
    public void ItReadsExactlyTheInnerBytes(int size, int chunkSize)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        using var ahead = new ReadAheadStream(new MemoryStream(bytes), chunkSize);
        using var copy = new MemoryStream();

        var buffer = new byte[1000];
        int read;
        while ((read = ahead.Read(buffer, 0, 1 + (int)(copy.Length % 999))) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(0, ahead.Read(buffer));
    }

    [Fact]
    public void AnErrorOfTheInnerStreamIsThrownByTheReadThatReachesIt()
    {
        using var ahead = new ReadAheadStream(new FailingStream(10), 4);
        var buffer = new byte[4];

        Assert.Equal(4, ahead.ReadAtLeast(buffer, 4));
        Assert.Equal(4, ahead.ReadAtLeast(buffer, 4));
        var error = Assert.Throws<IOException>(() => ahead.ReadAtLeast(buffer, 4));
        Assert.Equal("damaged at 10", error.Message);
    }

    [Fact]
    public void DisposingBeforeTheEndStopsTheReader()
    {
        var inner = new MemoryStream(new byte[1 << 20]);
        var ahead = new ReadAheadStream(inner, 1024);
        Assert.Equal(10, ahead.Read(new byte[10]));

        ahead.Dispose();

        Assert.False(inner.CanRead);
    }

    private sealed class FailingStream(int failAt) : Core.Fetching.ReadOnlyStream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAt)
            {
                throw new IOException($"damaged at {_position}");
            }
            var n = Math.Min(count, failAt - _position);
            _position += n;
            return n;
        }
    }
}
