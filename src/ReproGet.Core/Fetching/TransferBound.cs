using ReproGet.Core.Errors;

namespace ReproGet.Core.Fetching;

/// <summary>
/// The most bytes one transfer may deliver: the file's expected size when known, else <c>--max-file-size</c>, and
/// while the size is unknown, the free space the cache's filesystem must keep. Passing it is the provider's failure
/// (an endless body, <c>/dev/zero</c>, a lying CAR), never a full disk that stops the whole run.
/// </summary>
internal readonly struct TransferBound(long limit, long? expected, long freeSpaceReserve, string what)
{
    public static TransferBound For(FetchItem item, FetchOptions options, string what) =>
        new(item.ExpectedSize ?? options.MaxFileSize, item.ExpectedSize, options.FreeSpaceReserve, what);

    private string LimitName => expected is null ? $"the --max-file-size limit of {limit} bytes" : $"the expected size of {limit} bytes";

    /// <summary>Refuses a response whose announced size is more than the bound, or not the expected one.</summary>
    public void CheckAnnounced(long? totalLength)
    {
        if (totalLength is not { } total)
        {
            return;
        }
        if (expected is { } size && total != size)
        {
            throw new SourceException($"{what}: announces {total} bytes, the file has {size}", isTransient: false)
            {
                Kind = SourceFailureKind.WrongSize,
            };
        }
        if (total > limit)
        {
            throw new SourceException($"{what}: announces {total} bytes, more than {LimitName}", isTransient: false)
            {
                Kind = SourceFailureKind.TooLarge,
            };
        }
    }

    /// <summary>Refuses a body that has gone past the bound.</summary>
    public void CheckReceived(long length)
    {
        if (length > limit)
        {
            throw new SourceException($"{what}: sent more than {LimitName}; broken off", isTransient: false)
            {
                Kind = SourceFailureKind.TooLarge,
            };
        }
    }

    /// <summary>Refuses to fill the cache's filesystem beyond its reserve with a file of unknown size.</summary>
    public void CheckFreeSpace(string cacheRoot)
    {
        long free;
        try
        {
            free = new DriveInfo(cacheRoot).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return;
        }
        if (free < freeSpaceReserve)
        {
            throw new SourceException($"{what}: broken off, the file's size is unknown and the cache's filesystem has only "
                + $"{free} bytes left (the reserve is {freeSpaceReserve})", isTransient: false)
            {
                Kind = SourceFailureKind.TooLarge,
            };
        }
    }
}
