using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.Car;

/// <summary>
/// Reads a CARv1 section by section from a forward-only stream. Sizes are bounded (a block of an IPFS DAG is at
/// most 2 MiB, and <c>ipfs add</c> makes at most 1 MiB), so a hostile stream cannot make it allocate much.
/// Blocks are returned as claimed; checking them against their CIDs is the caller's job.
/// </summary>
public sealed class CarReader(Stream input, string what)
{
    public const int MaxBlockLength = 2 * 1024 * 1024;
    private const int MaxHeaderLength = 64 * 1024;

    public async Task<IReadOnlyList<Cid>> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var length = await Varint.ReadAsync(input, cancellationToken).ConfigureAwait(false)
            ?? throw new IpfsFormatException($"{what}: empty, not a CAR");
        if (length is 0 or > MaxHeaderLength)
        {
            throw new IpfsFormatException($"{what}: not a CARv1 (header length {length})");
        }
        var header = new byte[(int)length];
        await ReadExactlyAsync(header, "the header", cancellationToken).ConfigureAwait(false);
        return CarHeader.Decode(header, what);
    }

    /// <summary>The next section, or null at the end of the CAR.</summary>
    public async Task<CarBlock?> ReadBlockAsync(CancellationToken cancellationToken)
    {
        var length = await Varint.ReadAsync(input, cancellationToken).ConfigureAwait(false);
        if (length is null)
        {
            return null;
        }
        if (length > MaxBlockLength + 128)
        {
            throw new IpfsFormatException($"{what}: a section of {length} bytes is larger than any IPFS block");
        }
        var section = new byte[(int)length];
        await ReadExactlyAsync(section, "a section", cancellationToken).ConfigureAwait(false);
        if (!Cid.TryRead(section, out var cid, out var cidLength, out var problem))
        {
            throw new IpfsFormatException($"{what}: a section starts with an invalid CID ({problem})");
        }
        return new CarBlock(cid, section[cidLength..]);
    }

    private async Task ReadExactlyAsync(byte[] buffer, string part, CancellationToken cancellationToken)
    {
        try
        {
            await input.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException e)
        {
            throw new IpfsFormatException($"{what}: the stream ends inside {part} (truncated CAR)", inner: e);
        }
    }
}
