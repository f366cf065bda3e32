namespace ReproGet.Core.Distros;

/// <summary>
/// A plugin's way to read a file of a package repository whose digest it does not know yet (an index, or a package
/// an index names without a SHA-256), using the run's sources, fetch options, CA settings and log.
/// </summary>
public interface IRepositoryReader
{
    /// <summary>
    /// Opens <paramref name="url"/> (http, https or file) for reading; a stall breaks the read off. Throws
    /// <see cref="Errors.ReproGetException"/> naming the (redacted) URL when it cannot be opened.
    /// </summary>
    Task<Stream> OpenAsync(string url, CancellationToken cancellationToken);
}
