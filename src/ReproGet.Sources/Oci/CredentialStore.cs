using System.Collections.Concurrent;

namespace ReproGet.Sources.Oci;

/// <summary>
/// Finds a user's stored registry credentials where docker, podman, skopeo and oras keep them, in this order:
/// <c>$REGISTRY_AUTH_FILE</c>, <c>$XDG_RUNTIME_DIR/containers/auth.json</c>,
/// <c>${XDG_CONFIG_HOME:-~/.config}/containers/auth.json</c>, <c>${DOCKER_CONFIG:-~/.docker}/config.json</c>.
/// The first file that yields a credential for the registry wins; within a file, <c>credHelpers</c>, then the
/// <c>auths</c> entry, then <c>credsStore</c>. Nothing found means anonymous access.
/// </summary>
public sealed class CredentialStore(Func<string, string?> environment)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RegistryCredential?>>> _found = new(StringComparer.Ordinal);

    public static CredentialStore FromEnvironment() => new(Environment.GetEnvironmentVariable);

    /// <summary>The auth files that would be read, in order (they need not exist).</summary>
    public IReadOnlyList<string> CandidateFiles()
    {
        var home = Variable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var files = new List<string>();
        if (Variable("REGISTRY_AUTH_FILE") is { } authFile)
        {
            files.Add(authFile);
        }
        if (Variable("XDG_RUNTIME_DIR") is { } runtime)
        {
            files.Add(Path.Combine(runtime, "containers", "auth.json"));
        }
        files.Add(Path.Combine(Variable("XDG_CONFIG_HOME") ?? Path.Combine(home, ".config"), "containers", "auth.json"));
        files.Add(Path.Combine(Variable("DOCKER_CONFIG") ?? Path.Combine(home, ".docker"), "config.json"));
        return files;
    }

    /// <summary>The existing auth files, for messages such as "no credentials for X in …".</summary>
    public string DescribeSearch()
    {
        var existing = CandidateFiles().Where(File.Exists).ToList();
        return existing.Count > 0
            ? string.Join(", ", existing)
            : $"no auth file exists (looked for {string.Join(", ", CandidateFiles())})";
    }

    /// <summary>
    /// The credential for a repository, looked up once per run and shared. The lookup is not tied to the first
    /// caller's token: a caller whose per-attempt timeout fires stops waiting, and the lookup goes on for the others.
    /// A lookup that failed is forgotten, so the next caller looks again.
    /// </summary>
    public async Task<RegistryCredential?> FindAsync(string registry, string repository, CancellationToken cancellationToken)
    {
        var key = $"{registry}/{repository}";
        var lookup = _found.GetOrAdd(key, _ => new Lazy<Task<RegistryCredential?>>(() => SearchAsync(registry, repository, CancellationToken.None)));
        try
        {
            return await lookup.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lookup.Value.IsFaulted || lookup.Value.IsCanceled)
        {
            _found.TryRemove(new KeyValuePair<string, Lazy<Task<RegistryCredential?>>>(key, lookup));
            throw;
        }
    }

    private async Task<RegistryCredential?> SearchAsync(string registry, string repository, CancellationToken cancellationToken)
    {
        foreach (var path in CandidateFiles())
        {
            if (AuthFile.Load(path) is not { } file)
            {
                continue;
            }
            if (file.HelperFor(registry) is { } helper
                && await CredentialHelper.GetAsync(helper, ServerAddress(registry), $"{path} (credHelpers)", cancellationToken)
                    .ConfigureAwait(false) is { } fromHelper)
            {
                return fromHelper;
            }
            if (file.EntryFor(registry, repository) is { } entry)
            {
                return entry;
            }
            if (file.CredentialsStore is { } store
                && await CredentialHelper.GetAsync(store, ServerAddress(registry), $"{path} (credsStore)", cancellationToken)
                    .ConfigureAwait(false) is { } fromStore)
            {
                return fromStore;
            }
        }
        return null;
    }

    /// <summary>The address docker hands to credential helpers: the host, or Docker Hub's historical URL.</summary>
    private static string ServerAddress(string registry) =>
        registry == OciReference.DockerHub ? "https://index.docker.io/v1/" : registry;

    private string? Variable(string name) => environment(name) is { Length: > 0 } value ? value : null;
}
