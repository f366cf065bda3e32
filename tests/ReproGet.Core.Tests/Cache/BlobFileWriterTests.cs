using ReproGet.Core.Cache;
using ReproGet.TestKit;

namespace ReproGet.Core.Tests.Cache;

public sealed class BlobFileWriterTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bytes_arrive_whole_whatever_the_piece_sizes(bool allowDirect)
    {
        var bytes = RandomBytes((3 << 20) + 12345);
        var path = _directory.Combine("blob");
        await using (var writer = new BlobFileWriter(path, allowDirect))
        {
            // This machine's filesystems take O_DIRECT; the staged path is the one under test here.
            Assert.Equal(allowDirect, writer.IsDirect);
            int[] pieces = [1, 7, 4096, 65536, 300_001, 1 << 20];
            var offset = 0;
            for (var i = 0; offset < bytes.Length; i++)
            {
                var take = Math.Min(pieces[i % pieces.Length], bytes.Length - offset);
                await writer.AppendAsync(bytes.AsMemory(offset, take));
                offset += take;
                Assert.Equal(offset, writer.Length);
            }
            await writer.FlushToDiskAsync();
        }
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    [InlineData((1 << 20) + 1)]
    [InlineData(2 << 20)]
    public async Task Lengths_at_sector_and_chunk_edges_are_written_exactly(int length)
    {
        var bytes = RandomBytes(length);
        var path = _directory.Combine("blob");
        await using (var writer = new BlobFileWriter(path))
        {
            await writer.AppendAsync(bytes);
            await writer.FlushToDiskAsync();
        }
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Truncating_with_a_chunk_in_flight_starts_the_file_over()
    {
        var first = RandomBytes((5 << 20) / 2);
        var second = RandomBytes((3 << 20) / 2);
        var path = _directory.Combine("blob");
        await using (var writer = new BlobFileWriter(path))
        {
            await writer.AppendAsync(first);
            await writer.TruncateAsync();
            Assert.Equal(0, writer.Length);
            await writer.AppendAsync(second);
            await writer.FlushToDiskAsync();
        }
        Assert.Equal(second, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task An_abandoned_writer_closes_its_file_after_the_write_in_flight()
    {
        var path = _directory.Combine("blob");
        var writer = new BlobFileWriter(path);
        await writer.AppendAsync(RandomBytes((2 << 20) + 10));

        await writer.DisposeAsync();

        // Closed: a new writer may create the name again once it is gone.
        File.Delete(path);
        await using var again = new BlobFileWriter(path);
        Assert.Equal(0, again.Length);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
