using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Distros.Alpine.Configuration;
using ReproGet.Distros.Alpine.Signing;
using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Locking;

/// <summary>
/// Reads every configured repository's index: from apk's cache (<c>APKINDEX.&lt;tag&gt;.tar.gz</c>, written by
/// <c>apk update</c>), from the directory of a local repository, or else fetched; each one's signature is checked.
/// A repository whose index cannot be had is skipped with a warning, as apk does; a bad signature is an error.
/// </summary>
public sealed class ApkIndexLoader(AlpineRoot root, ApkKeyring keyring, IRepositoryReader repositories, IStatusLog log)
{
    public async Task<IReadOnlyList<RepositoryIndex>> LoadAsync(IReadOnlyList<ApkRepository> repositories, string architecture,
        CancellationToken cancellationToken)
    {
        if (repositories.Count == 0)
        {
            throw new ReproGetException($"no repository is configured in \"{root.RepositoriesPath}\"",
                "add the Alpine repositories the packages came from (e.g. https://dl-cdn.alpinelinux.org/alpine/v3.20/main)");
        }
        var loaded = new List<RepositoryIndex>();
        foreach (var repository in repositories)
        {
            try
            {
                loaded.Add(await LoadOneAsync(repository, architecture, cancellationToken).ConfigureAwait(false));
            }
            catch (ReproGetException e) when (e is not ApkVerificationException)
            {
                log.Warn($"skipping repository {repository}: {e.Message}");
            }
        }
        return loaded.Count > 0
            ? loaded
            : throw new ReproGetException($"no index of the repositories in \"{root.RepositoriesPath}\" could be read",
                "run `apk update` in the Alpine root so apk's cache holds the indexes, or check the network");
    }

    private async Task<RepositoryIndex> LoadOneAsync(ApkRepository repository, string architecture, CancellationToken cancellationToken)
    {
        string source;
        Stream stream;
        var cached = root.CacheDirectories.Select(d => Path.Combine(d, repository.CachedIndexFileName)).FirstOrDefault(File.Exists);
        if (repository.IsLocal)
        {
            source = root.Context.RootPath(new Uri(repository.IndexUrl(architecture)).LocalPath);
            stream = OpenFile(source);
        }
        else if (cached is not null)
        {
            source = cached;
            stream = OpenFile(source);
        }
        else
        {
            source = repository.IndexUrl(architecture);
            log.Info($"no index of {repository} in apk's cache: fetching {source}");
            stream = await repositories.OpenAsync(source, cancellationToken).ConfigureAwait(false);
        }
        ApkIndexFile index;
        await using (stream.ConfigureAwait(false))
        {
            index = await ApkIndexReader.ReadAsync(stream, source, cancellationToken).ConfigureAwait(false);
        }
        keyring.VerifyIndex(index, $"the index {source}");
        log.Debug($"{repository}: {index.Packages.Count} packages ({index.Description}) from {source}");
        return new RepositoryIndex(repository, index, source);
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReproGetException($"cannot read \"{path}\": {e.Message}");
        }
    }
}
