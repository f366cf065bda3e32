using ReproGet.Sources.Ipfs.Tests.Vectors;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Tests.UnixFs;

/// <summary>The managed heap is process-wide: other test classes running at the same time would be counted too.</summary>
[CollectionDefinition(nameof(UnixFsImporterMemoryTests), DisableParallelization = true)]
public sealed class MeasuresTheWholeHeap;

[Collection(nameof(UnixFsImporterMemoryTests))]
public sealed class UnixFsImporterMemoryTests
{
    /// <summary>
    /// 4 GiB (16 384 chunks, a three-level tree) generated on the fly: the managed heap must stay far below the
    /// input size, whatever the number of chunks (two 8 MiB read batches plus one pending node per level).
    /// </summary>
    [Fact]
    public async Task A_file_of_any_size_is_hashed_in_constant_memory()
    {
        const long size = 4L << 30;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        await using var input = new HeapWatchingStream(new ZeroStream(size));

        var cid = await UnixFsImporter.ComputeAsync(input, UnixFsImportOptions.KuboDefault, sink: null, CancellationToken.None);

        Assert.Equal(size, input.Position);
        Assert.StartsWith("Qm", cid.ToString(), StringComparison.Ordinal);
        var growth = input.PeakHeapBytes - baseline;
        Assert.True(growth < 96L << 20, $"the managed heap grew by {growth >> 20} MiB over {baseline >> 20} MiB");
    }

    /// <summary>Passes reads through and records the largest managed heap seen between them.</summary>
    private sealed class HeapWatchingStream(Stream inner) : Core.Fetching.ReadOnlyStream
    {
        public long PeakHeapBytes { get; private set; }

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Watch(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Watch(await inner.ReadAsync(buffer, cancellationToken));

        private int Watch(int read)
        {
            PeakHeapBytes = Math.Max(PeakHeapBytes, GC.GetTotalMemory(forceFullCollection: false));
            return read;
        }
    }
}
