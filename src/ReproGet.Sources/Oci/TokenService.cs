using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ReproGet.Core.Errors;
using ReproGet.Core.Resilience;
using ReproGet.Sources.Http;

namespace ReproGet.Sources.Oci;

/// <summary>
/// Gets an access token from the realm a Bearer challenge names, as docker does: <c>GET realm?service=…&amp;scope=…</c>
/// with Basic credentials when there are any (none: an anonymous token), or, for an identity token, the OAuth2
/// <c>POST</c> with <c>grant_type=refresh_token</c>.
/// </summary>
internal sealed class TokenService(HttpClient client, TimeProvider time, ResilienceRegistry resilience)
{
    private const string ClientId = "repro-get";

    /// <summary>Gets a token, retrying what is transient (a 5xx or 429 of the token service, a reset) under the token policy.</summary>
    public Task<BearerToken> FetchAsync(string registry, AuthChallenge challenge, IReadOnlyList<string> scopes,
        RegistryCredential? credential, CancellationToken cancellationToken) =>
        resilience.ExecuteAsync(ResiliencePurpose.Token, ct => FetchOnceAsync(registry, challenge, scopes, credential, ct), cancellationToken);

    private async Task<BearerToken> FetchOnceAsync(string registry, AuthChallenge challenge, IReadOnlyList<string> scopes,
        RegistryCredential? credential, CancellationToken cancellationToken)
    {
        if (challenge.Realm is not { Length: > 0 } realm || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri)
            || realmUri.Scheme is not ("http" or "https"))
        {
            throw new RegistryAuthException($"registry {registry} asked for a Bearer token but named no usable realm "
                + $"(\"{challenge.Realm}\")", "the registry's auth configuration is broken; tell its operator");
        }
        using var message = credential?.IdentityToken is { } refreshToken
            ? RefreshRequest(realmUri, challenge.Service, scopes, refreshToken)
            : TokenRequest(realmUri, challenge.Service, scopes, credential);
        using var response = await HttpTransfer.SendAsync(client, message, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var who = credential is null ? "an anonymous request" : credential.ToString();
            throw new RegistryAuthException($"the token service {realmUri.GetLeftPart(UriPartial.Path)} of registry {registry} "
                + $"refused {who}: HTTP {(int)response.StatusCode}", credential is null
                    ? $"log in first: docker login {registry} (or podman login), or set DOCKER_CONFIG to a config.json that has it"
                    : $"check or renew the credential for {registry} (docker login {registry})");
        }
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw HttpTransfer.StatusError(message.Method.Method, realmUri.GetLeftPart(UriPartial.Path), response);
        }
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return Parse(body, realmUri);
    }

    private static HttpRequestMessage TokenRequest(Uri realm, string? service, IReadOnlyList<string> scopes, RegistryCredential? credential)
    {
        var query = new StringBuilder(realm.Query.Length > 1 ? realm.Query[1..] : "");
        Append(query, "service", service);
        foreach (var scope in scopes)
        {
            Append(query, "scope", scope);
        }
        var message = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(realm) { Query = query.ToString() }.Uri);
        if (credential is { HasPassword: true })
        {
            message.Headers.Authorization = BasicHeader(credential);
        }
        return message;
    }

    private static HttpRequestMessage RefreshRequest(Uri realm, string? service, IReadOnlyList<string> scopes, string refreshToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "refresh_token"),
            new("refresh_token", refreshToken),
            new("client_id", ClientId),
            new("scope", string.Join(' ', scopes)),
        };
        if (service is not null)
        {
            form.Add(new("service", service));
        }
        return new HttpRequestMessage(HttpMethod.Post, realm) { Content = new FormUrlEncodedContent(form) };
    }

    public static AuthenticationHeaderValue BasicHeader(RegistryCredential credential) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password}")));

    private BearerToken Parse(byte[] body, Uri realm)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var token = Text(root, "token") ?? Text(root, "access_token")
                ?? throw new JsonException("no \"token\" or \"access_token\"");
            var lifetime = root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt64(out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : BearerToken.MinimumLifetime;
            if (lifetime < BearerToken.MinimumLifetime)
            {
                lifetime = BearerToken.MinimumLifetime;
            }
            return new BearerToken(token, time.GetUtcNow() + lifetime);
        }
        catch (JsonException e)
        {
            throw new SourceException($"GET {realm.GetLeftPart(UriPartial.Path)}: the token service answered with no usable token: {e.Message}",
                isTransient: false);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        if (query.Length > 0)
        {
            query.Append('&');
        }
        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
