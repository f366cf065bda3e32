using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Gateway;

/// <summary>
/// Blocks from a CAR as it streams in. Asked for blocks in depth-first order, it reads exactly as far as the next
/// wanted block; blocks that arrive early are kept (up to <see cref="MaxEarlyBytes"/>), and the last few handed out
/// are remembered, so a gateway that sends a repeated chunk only once still works.
/// </summary>
internal sealed class CarBlockProvider(CarReader car, string origin) : IBlockProvider
{
    private const int MaxEarlyBytes = 64 * 1024 * 1024;
    private const int RecentCount = 8;

    private readonly Dictionary<string, byte[]> _early = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, byte[] Block)> _recent = new();
    private long _earlyBytes;

    public string Origin { get; } = origin;

    public async ValueTask<byte[]> GetBlockAsync(Cid cid, CancellationToken cancellationToken)
    {
        var key = Key(cid);
        if (_early.Remove(key, out var early))
        {
            _earlyBytes -= early.Length;
            return Remember(key, early);
        }
        foreach (var (recentKey, block) in _recent)
        {
            if (recentKey == key)
            {
                return block;
            }
        }
        while (await car.ReadBlockAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            var sectionKey = Key(section.Cid);
            if (sectionKey == key)
            {
                return Remember(key, section.Data);
            }
            _earlyBytes += section.Data.Length;
            if (_earlyBytes > MaxEarlyBytes)
            {
                throw new IpfsFormatException($"CAR from {Origin}: more than {MaxEarlyBytes >> 20} MiB of blocks arrived before {cid}",
                    "the gateway does not send blocks in depth-first order (order=dfs)");
            }
            _early[sectionKey] = section.Data;
        }
        throw new IpfsFormatException($"CAR from {Origin} ends without block {cid}", "the gateway sent an incomplete DAG");
    }

    private static string Key(Cid cid) => Convert.ToBase64String(cid.Multihash);

    private byte[] Remember(string key, byte[] block)
    {
        _recent.AddFirst((key, block));
        if (_recent.Count > RecentCount)
        {
            _recent.RemoveLast();
        }
        return block;
    }
}
