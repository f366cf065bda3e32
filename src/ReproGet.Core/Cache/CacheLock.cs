using ReproGet.Core.Errors;

namespace ReproGet.Core.Cache;

/// <summary>
/// An advisory lock on the cache (flock, through .NET's FileShare emulation on Unix). Every user holds it shared;
/// only <c>cache clean</c>, which deletes blobs others may be reading, holds it exclusively.
/// </summary>
public sealed class CacheLock : IDisposable
{
    public const string FileName = ".repro-get.lock";

    /// <summary>How long to wait for the other holders before giving up.</summary>
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(60);

    private readonly FileStream _stream;

    private CacheLock(FileStream stream) => _stream = stream;

    public static CacheLock Acquire(string root, bool exclusive, TimeSpan? patience = null)
    {
        var path = Path.Combine(root, FileName);
        var deadline = DateTime.UtcNow + (patience ?? DefaultPatience);
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite,
                    exclusive ? FileShare.None : FileShare.ReadWrite);
                return new CacheLock(stream);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException e)
            {
                throw new ReproGetException($"the cache \"{root}\" is locked by another repro-get process",
                    exclusive ? "wait for running downloads to finish before `cache clean`" : "wait for `cache clean` to finish", e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
