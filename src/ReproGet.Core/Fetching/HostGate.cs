namespace ReproGet.Core.Fetching;

/// <summary>
/// The connections one host may have at once. Until the host has answered once, only one transfer goes to it: if
/// that one finds the host unreachable, the others learn it without trying (one warning per dead mirror, not one per
/// parallel job). The first answer — response headers, or an HTTP error, which is an answer too — opens the rest.
/// </summary>
internal sealed class HostGate(int perHost)
{
    private readonly SemaphoreSlim _slots = new(1);
    private int _answered;

    public Task WaitAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    public void Release() => _slots.Release();

    /// <summary>The host answered: let the other connections start (once).</summary>
    public void Answered()
    {
        if (perHost > 1 && Interlocked.Exchange(ref _answered, 1) == 0)
        {
            _slots.Release(perHost - 1);
        }
    }
}
