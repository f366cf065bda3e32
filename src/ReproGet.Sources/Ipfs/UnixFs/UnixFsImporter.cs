using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>
/// Computes the CID <c>ipfs add</c> gives a file, in-process and streaming: the input is read in batches of whole
/// chunks (the next batch is read while this one is hashed), so memory is two batches whatever the file size.
/// Without a block sink the leaves of a batch are hashed on all cores; with one, in order on one thread.
/// </summary>
public static class UnixFsImporter
{
    private const int BatchBytes = 8 * 1024 * 1024;

    public static async Task<Cid> ComputeFileAsync(string path, UnixFsImportOptions options, IBlockSink? sink,
        CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return await ComputeAsync(stream, options, sink, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Which of Kubo's layouts gives the file <paramref name="expected"/> (a CID recorded earlier); null, with the CIDs
    /// the layouts did give, when none does.
    /// </summary>
    public static Task<(UnixFsImportOptions? Layout, IReadOnlyList<Cid> Computed)> FindLayoutAsync(string path, Cid expected,
        CancellationToken cancellationToken) =>
        FindLayoutAsync(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), expected,
            cancellationToken);

    /// <summary>The same, reading the content from <paramref name="open"/> once per layout tried (a cached blob is re-verified each time).</summary>
    public static async Task<(UnixFsImportOptions? Layout, IReadOnlyList<Cid> Computed)> FindLayoutAsync(Func<Stream> open, Cid expected,
        CancellationToken cancellationToken)
    {
        var computed = new List<Cid>();
        foreach (var layout in UnixFsImportOptions.CandidatesFor(expected))
        {
            await using var content = open();
            computed.Add(await ComputeAsync(content, layout, sink: null, cancellationToken).ConfigureAwait(false));
            if (computed[^1].Equals(expected))
            {
                return (layout, computed);
            }
        }
        return (null, computed);
    }

    public static async Task<Cid> ComputeAsync(Stream content, UnixFsImportOptions options, IBlockSink? sink,
        CancellationToken cancellationToken)
    {
        options.Validate();
        var chunkSize = options.ChunkSize;
        var batchBytes = Math.Max(1, BatchBytes / chunkSize) * chunkSize;
        byte[][] buffers = [new byte[batchBytes], new byte[batchBytes]];
        using var builder = new UnixFsDagBuilder(options, sink);
        using var sequential = new UnixFsLeafEncoder(options);
        var current = 0;
        var reading = FillAsync(content, buffers[current], cancellationToken);
        var leaves = 0;
        while (true)
        {
            var filled = await reading.ConfigureAwait(false);
            var atEnd = filled < batchBytes;
            if (!atEnd)
            {
                reading = FillAsync(content, buffers[1 - current], cancellationToken);
            }
            var chunks = (filled + chunkSize - 1) / chunkSize;
            if (chunks == 0 && leaves == 0)
            {
                // Kubo gives an empty file one empty leaf.
                builder.AddLeaf(sequential.Encode([], sink));
                leaves++;
            }
            foreach (var leaf in EncodeBatch(buffers[current], filled, chunks, options, sink, sequential))
            {
                builder.AddLeaf(leaf);
                leaves++;
            }
            if (atEnd)
            {
                // A full last batch starts one more read that finds the end.
                return builder.Finish().Cid;
            }
            current = 1 - current;
        }
    }

    private static DagChild[] EncodeBatch(byte[] buffer, int filled, int chunks, UnixFsImportOptions options, IBlockSink? sink,
        UnixFsLeafEncoder sequential)
    {
        var leaves = new DagChild[chunks];
        var chunkSize = options.ChunkSize;
        if (sink is not null || chunks == 1)
        {
            for (var i = 0; i < chunks; i++)
            {
                leaves[i] = sequential.Encode(Chunk(buffer, filled, chunkSize, i), sink);
            }
            return leaves;
        }
        Parallel.For(0, chunks, () => new UnixFsLeafEncoder(options), (i, _, encoder) =>
        {
            leaves[i] = encoder.Encode(Chunk(buffer, filled, chunkSize, i), null);
            return encoder;
        }, encoder => encoder.Dispose());
        return leaves;
    }

    private static ReadOnlySpan<byte> Chunk(byte[] buffer, int filled, int chunkSize, int index)
    {
        var start = index * chunkSize;
        return buffer.AsSpan(start, Math.Min(chunkSize, filled - start));
    }

    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken) =>
        await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
}
