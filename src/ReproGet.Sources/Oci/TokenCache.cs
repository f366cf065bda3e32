using System.Collections.Concurrent;

namespace ReproGet.Sources.Oci;

/// <summary>
/// Bearer tokens by (realm, service, scopes, credential), kept until they expire. Parallel transfers that need the
/// same token wait for one fetch instead of each asking the token service.
/// </summary>
internal sealed class TokenCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<BearerToken>>> _tokens = new(StringComparer.Ordinal);

    public async Task<BearerToken> GetAsync(string key, Func<Task<BearerToken>> fetch)
    {
        while (true)
        {
            var entry = _tokens.GetOrAdd(key, _ => new Lazy<Task<BearerToken>>(fetch));
            BearerToken token;
            try
            {
                token = await entry.Value.ConfigureAwait(false);
            }
            catch
            {
                _tokens.TryRemove(KeyValuePair.Create(key, entry));
                throw;
            }
            if (token.IsFresh(time.GetUtcNow()))
            {
                return token;
            }
            _tokens.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    /// <summary>Forgets <paramref name="token"/> (the registry refused it), unless another caller already replaced it.</summary>
    public void Forget(string key, BearerToken token)
    {
        if (_tokens.TryGetValue(key, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully
            && ReferenceEquals(entry.Value.Result, token))
        {
            _tokens.TryRemove(KeyValuePair.Create(key, entry));
        }
    }
}
