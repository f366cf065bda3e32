using System.Collections.Concurrent;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Providers;

namespace ReproGet.Core.Distros;

/// <summary>
/// The <see cref="IRepositoryReader"/> of a run: its http(s) and file sources (built on first read, so a plugin that
/// reads nothing costs nothing), its stall timeout. A host that gave no HTTP answer (unresolvable, refused, silent) is
/// not asked again in this run, as the fetcher does with providers: a plugin asking it for a hundred files (the
/// snapshot archive's API) fails at once after the first instead of waiting a hundred times.
/// </summary>
public sealed class BlobSourceRepositoryReader(Func<BlobSourceSet> sources, FetchOptions options) : IRepositoryReader
{
    private readonly ConcurrentDictionary<string, string> _unreachable = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Stream> OpenAsync(string url, CancellationToken cancellationToken)
    {
        var redacted = ProviderTemplate.Redact(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file")
            || sources().Find(uri.Scheme) is not { } source)
        {
            throw new ReproGetException($"cannot fetch \"{redacted}\": a repository must be an http(s) URL or a local directory",
                "fix the repository's line in the distro's configuration");
        }
        if (_unreachable.TryGetValue(uri.Authority, out var earlier))
        {
            throw new ReproGetException($"cannot fetch {redacted}: {earlier} (earlier in this run; not asked again)",
                "check the network and the repository, or put the file into the package manager's cache first");
        }
        try
        {
            // No entry: what this read is to learn is the digest itself.
            var response = await source.OpenAsync(new BlobRequest(uri, null, 0), cancellationToken).ConfigureAwait(false);
            return new StallDetectingStream(response.Content, options.StallTimeout, redacted);
        }
        catch (SourceException e)
        {
            if (e is not HttpStatusException && uri.Scheme != "file")
            {
                _unreachable.TryAdd(uri.Authority, e.Message);
            }
            throw new ReproGetException($"cannot fetch {redacted}: {e.Message}",
                "check the network and the repository, or put the file into the package manager's cache first", e);
        }
    }
}
