using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Car;

/// <summary>
/// The blocks of a CAR file, indexed in one pass in which every block is checked against the CID its section
/// names; afterwards any block is read back by CID, in any order. Memory: one index entry per block.
/// </summary>
public sealed class CarFileBlocks : IBlockProvider, IDisposable
{
    private readonly FileStream _file;
    private readonly Dictionary<string, (long Offset, int Length)> _index;

    private CarFileBlocks(string path, FileStream file, IReadOnlyList<Cid> roots, Dictionary<string, (long, int)> index)
    {
        Origin = path;
        _file = file;
        Roots = roots;
        _index = index;
    }

    public string Origin { get; }

    /// <summary>A local CAR is not a gateway: the file itself is what is wrong.</summary>
    public string CorruptionHint => $"the CAR file {Origin} is corrupt or was altered; export it again (repro-get ipfs car export, ipfs dag export)";

    public IReadOnlyList<Cid> Roots { get; }

    public int BlockCount => _index.Count;

    public static async Task<CarFileBlocks> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
        try
        {
            var counting = new PositionTrackingStream(file);
            var reader = new CarReader(counting, path);
            var roots = await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            var index = new Dictionary<string, (long, int)>(StringComparer.Ordinal);
            while (await reader.ReadBlockAsync(cancellationToken).ConfigureAwait(false) is { } block)
            {
                var end = counting.Position;
                BlockHash.Verify(block.Cid, block.Data, $"{path} (the section ending at byte {end})",
                    $"the CAR file {path} is corrupt or was altered; export it again (repro-get ipfs car export, ipfs dag export)");
                index[Key(block.Cid)] = (end - block.Data.Length, block.Data.Length);
            }
            return new CarFileBlocks(path, file, roots, index);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask<byte[]> GetBlockAsync(Cid cid, CancellationToken cancellationToken)
    {
        if (!_index.TryGetValue(Key(cid), out var where))
        {
            throw new IpfsFormatException($"{Origin} has no block {cid}", "the CAR holds an incomplete DAG");
        }
        var block = new byte[where.Length];
        _file.Position = where.Offset;
        await _file.ReadExactlyAsync(block, cancellationToken).ConfigureAwait(false);
        return block;
    }

    public void Dispose() => _file.Dispose();

    private static string Key(Cid cid) => Convert.ToBase64String(cid.Multihash);

    /// <summary>Counts the bytes read through it, so the reader's position in the file is known.</summary>
    private sealed class PositionTrackingStream(Stream inner) : Core.Fetching.ReadOnlyStream
    {
        private long _position;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            _position += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            _position += read;
            return read;
        }
    }
}
