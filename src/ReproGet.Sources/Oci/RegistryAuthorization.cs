using System.Net.Http.Headers;

namespace ReproGet.Sources.Oci;

/// <summary>The Authorization header sent to a registry, with what it was made from (to explain a refusal, or forget a token).</summary>
internal sealed record RegistryAuthorization(AuthenticationHeaderValue Header, AuthChallenge Challenge,
    RegistryCredential? Credential, string? TokenKey, BearerToken? Token);
