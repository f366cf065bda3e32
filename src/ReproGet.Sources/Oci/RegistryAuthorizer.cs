using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace ReproGet.Sources.Oci;

/// <summary>
/// Answers registries' 401 challenges and remembers them, so that later requests to the same registry carry
/// credentials up front: Basic with the stored password, or Bearer with a token for exactly the scopes needed
/// (<c>repository:NAME:pull</c>, <c>…:pull,push</c>), fetched once and cached until it expires.
/// </summary>
internal sealed class RegistryAuthorizer(CredentialStore credentials, TokenService tokens, TokenCache cache)
{
    private readonly ConcurrentDictionary<string, AuthChallenge> _challenges = new(StringComparer.OrdinalIgnoreCase);

    public CredentialStore Credentials => credentials;

    /// <summary>The header to send before any 401, when this registry has challenged us before; else null.</summary>
    public async Task<RegistryAuthorization?> PrepareAsync(OciReference reference, IReadOnlyList<string> scopes,
        CancellationToken cancellationToken)
    {
        if (!_challenges.TryGetValue(reference.Endpoint.Authority, out var challenge))
        {
            return null;
        }
        var credential = await credentials.FindAsync(reference.Registry, reference.Repository, cancellationToken).ConfigureAwait(false);
        if (challenge.IsBasic && credential is not { HasPassword: true })
        {
            return null;
        }
        return await AuthorizeAsync(reference, challenge, scopes, credential, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers a 401; null when there is nothing to answer with (Basic asked, no password stored).</summary>
    public async Task<RegistryAuthorization?> AnswerAsync(OciReference reference, AuthChallenge challenge,
        IReadOnlyList<string> scopes, RegistryAuthorization? refused, CancellationToken cancellationToken)
    {
        _challenges[reference.Endpoint.Authority] = challenge;
        if (refused is { TokenKey: { } key, Token: { } token })
        {
            cache.Forget(key, token);
        }
        var credential = await credentials.FindAsync(reference.Registry, reference.Repository, cancellationToken).ConfigureAwait(false);
        if (!challenge.IsBearer && credential is not { HasPassword: true })
        {
            return null;
        }
        return await AuthorizeAsync(reference, challenge, scopes, credential, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RegistryAuthorization> AuthorizeAsync(OciReference reference, AuthChallenge challenge,
        IReadOnlyList<string> scopes, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        if (!challenge.IsBearer)
        {
            return new RegistryAuthorization(TokenService.BasicHeader(credential!), challenge, credential, null, null);
        }
        var allScopes = MergeScopes(scopes.Concat(challenge.Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []));
        var key = string.Join('\n', [challenge.Realm ?? "", challenge.Service ?? "", credential?.Origin ?? "anonymous", .. allScopes]);
        var token = await cache.GetAsync(key,
            () => tokens.FetchAsync(reference.Registry, challenge, allScopes, credential, cancellationToken)).ConfigureAwait(false);
        return new RegistryAuthorization(new AuthenticationHeaderValue("Bearer", token.Value), challenge, credential, key, token);
    }

    /// <summary>
    /// One scope per resource with the union of its actions: the challenge's <c>repository:r:pull</c> and our
    /// <c>repository:r:pull,push</c> become <c>repository:r:pull,push</c>. Sorted, so equal needs share a cached token.
    /// </summary>
    internal static List<string> MergeScopes(IEnumerable<string> scopes)
    {
        var merged = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            var colon = scope.LastIndexOf(':');
            var (resource, actions) = colon > 0 ? (scope[..colon], scope[(colon + 1)..]) : (scope, "");
            if (!merged.TryGetValue(resource, out var set))
            {
                merged[resource] = set = new SortedSet<string>(StringComparer.Ordinal);
            }
            set.UnionWith(actions.Split(',', StringSplitOptions.RemoveEmptyEntries));
        }
        return [.. merged.Select(m => $"{m.Key}:{string.Join(',', m.Value)}")];
    }
}
