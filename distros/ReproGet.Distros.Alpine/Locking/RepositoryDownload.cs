using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Providers;

namespace ReproGet.Distros.Alpine.Locking;

/// <summary>
/// Opens a file of a repository (an index, a package) through the blob sources, for the one case where the digest
/// is not known yet: an APKINDEX names no SHA-256, so the file must be read once to learn it.
/// </summary>
public sealed class RepositoryDownload(BlobSourceSet sources, FetchOptions options)
{
    // The request's digest is what this fetch is to learn. Repository URLs are http(s) or file, and those sources
    // never read it.
    private static readonly LockEntry UnknownDigest = new("origin", Sha256Digest.Parse(new string('0', Sha256Digest.HexLength)));

    public async Task<Stream> OpenAsync(string url, CancellationToken cancellationToken)
    {
        var redacted = ProviderTemplate.Redact(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file")
            || sources.Find(uri.Scheme) is not { } source)
        {
            throw new ReproGetException($"cannot fetch \"{redacted}\": a repository must be an http(s) URL or a local directory",
                $"fix the line in {Configuration.ApkRepository.ConfigurationPath}");
        }
        try
        {
            var response = await source.OpenAsync(new BlobRequest(uri, UnknownDigest, 0), cancellationToken).ConfigureAwait(false);
            return new StallDetectingStream(response.Content, options.StallTimeout, redacted);
        }
        catch (SourceException e)
        {
            throw new ReproGetException($"cannot fetch {redacted}: {e.Message}",
                "check the network and the repository, or put the file into apk's cache first (`apk fetch -o /var/cache/apk …`)", e);
        }
    }
}
