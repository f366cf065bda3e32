using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;

namespace ReproGet.Sources.Files;

/// <summary>
/// <c>file:///absolute/path</c>: a local directory or mounted medium. No host, query or fragment. Only regular files
/// (or symlinks to them) are read: opening a FIFO waits for a writer for ever, and a device is endless.
/// </summary>
public sealed class FileBlobSource : IBlobSource
{
    public IReadOnlyList<string> Schemes { get; } = ["file"];

    public Task<BlobResponse> OpenAsync(BlobRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url;
        if (!string.IsNullOrEmpty(url.Host) || url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw new SourceException($"invalid file URL \"{url}\": want file:///absolute/path", isTransient: false);
        }
        var path = url.LocalPath;
        // Checked before open(2), which is where a FIFO hangs.
        if (RegularFileCheck.NotRegularReason(path) is { } problem)
        {
            throw new SourceException(Path.Exists(path) ? $"{path}: not a regular file ({problem})" : $"{path}: no such file",
                isTransient: false) { Kind = SourceFailureKind.NotAFile };
        }
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: false);
            stream.Seek(request.Offset, SeekOrigin.Begin);
            return Task.FromResult(new BlobResponse(stream, request.Offset, stream.Length));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SourceException($"{path}: no such file", isTransient: false, inner: e) { Kind = SourceFailureKind.NotAFile };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceException($"{path}: {e.Message}", isTransient: false, inner: e);
        }
    }
}
