namespace ReproGet.Core.Cache;

/// <summary>
/// The run's content cache as a capability: opened (created, shared lock taken) on first use, so a run that never
/// needs it never creates it; then the same open cache for every part of the run, closed once at the end.
/// </summary>
public sealed class CacheAccess(string root) : IDisposable
{
    private readonly Lock _gate = new();
    private ContentCache? _cache;

    /// <summary>The directory, as the user gave it (for messages and <c>cache clean</c>).</summary>
    public string Root { get; } = root;

    /// <summary>The open cache; throws <see cref="Errors.ReproGetException"/> when it cannot be created or locked.</summary>
    public ContentCache Open()
    {
        lock (_gate)
        {
            return _cache ??= ContentCache.Open(Root);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _cache?.Dispose();
            _cache = null;
        }
    }
}
