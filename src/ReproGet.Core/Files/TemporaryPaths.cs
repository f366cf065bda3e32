using System.Collections.Concurrent;

namespace ReproGet.Core.Files;

/// <summary>
/// The temp files and staging folders this process has made and not yet published or removed: a download's temp
/// file, an import's, a bundle's staging folder. Each owner removes its own as it unwinds; this list is the last
/// resort of a process that must exit before its work has unwound (a second SIGTERM, or a run that did not stop in
/// time), so even then nothing partial is left.
/// </summary>
public static class TemporaryPaths
{
    private static readonly ConcurrentDictionary<string, bool> Live = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="path"/> until the returned handle is disposed.</summary>
    public static IDisposable Track(string path)
    {
        Live[path] = true;
        return new Tracked(path);
    }

    /// <summary>Removes every tracked file and folder (a folder with what is inside; links are removed, never followed).</summary>
    public static void RemoveAll()
    {
        foreach (var path in Live.Keys)
        {
            try
            {
                if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
                {
                    Directory.Delete(path, recursive: true);
                }
                else
                {
                    File.Delete(path);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Exiting anyway; the next run sweeps what could not go now.
            }
        }
    }

    private sealed class Tracked(string path) : IDisposable
    {
        public void Dispose() => Live.TryRemove(path, out _);
    }
}
