using System.Net;
using System.Net.Http.Headers;
using ReproGet.Core.Errors;
using ReproGet.Core.Resilience;
using ReproGet.Sources.Http;

namespace ReproGet.Sources.Oci;

/// <summary>
/// Sends OCI distribution API calls: answers the registry's 401 challenge once (Basic or Bearer, see
/// <see cref="RegistryAuthorizer"/>), follows GET/HEAD redirects to storage backends, and never sends the
/// registry's Authorization header to another host. One instance serves every registry of a run.
/// </summary>
public sealed class RegistryClient
{
    private readonly HttpClient _client;
    private readonly RegistryAuthorizer _authorizer;

    public RegistryClient(HttpClient client, CredentialStore credentials, TimeProvider? time = null, ResilienceRegistry? resilience = null)
    {
        _client = client;
        var clock = resilience?.Time ?? time ?? TimeProvider.System;
        var tokens = new TokenService(client, clock, resilience ?? new ResilienceRegistry(clock));
        _authorizer = new RegistryAuthorizer(credentials, tokens, new TokenCache(clock));
    }

    public static IReadOnlyList<string> PullScope(OciReference reference) => [$"repository:{reference.Repository}:pull"];

    public static IReadOnlyList<string> PushScope(OciReference reference) => [$"repository:{reference.Repository}:pull,push"];

    /// <summary>
    /// Sends <paramref name="request"/> and returns the final response, whatever its status except a 401 from the
    /// registry, which is answered once and otherwise thrown as a <see cref="RegistryAuthException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(OciReference reference, RegistryRequest request, IReadOnlyList<string> scopes,
        CancellationToken cancellationToken)
    {
        var authorization = await _authorizer.PrepareAsync(reference, scopes, cancellationToken).ConfigureAwait(false);
        var answered = false;
        while (true)
        {
            var response = await SendFollowingRedirectsAsync(reference, request, authorization?.Header, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized || !IsRegistry(reference, response.RequestMessage?.RequestUri))
            {
                return response;
            }
            var challenge = Challenge(response);
            var detail = await RegistryErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            response.Dispose();
            if (answered || challenge is null)
            {
                throw Refusal(reference, request, scopes, challenge, authorization, detail);
            }
            authorization = await _authorizer.AnswerAsync(reference, challenge, scopes, authorization, cancellationToken).ConfigureAwait(false);
            if (authorization is null)
            {
                throw Refusal(reference, request, scopes, challenge, null, detail);
            }
            answered = true;
        }
    }

    /// <summary>The error for an unexpected status, with the registry's own error code and message.</summary>
    public static async Task<HttpStatusException> StatusErrorAsync(RegistryRequest request, HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var body = request.Method == HttpMethod.Head
            ? new RegistryErrorBody(null, [])
            : await RegistryErrors.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var url = response.RequestMessage?.RequestUri ?? request.Url;
        return HttpTransfer.StatusError(request.Method.Method, HttpTransfer.Redact(url), response, body.Detail, body.Codes);
    }

    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(OciReference reference, RegistryRequest request,
        AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        var url = request.Url;
        for (var hop = 0; hop <= HttpTransfer.MaxRedirects; hop++)
        {
            using var message = new HttpRequestMessage(request.Method, url) { Content = request.Content?.Invoke() };
            // The registry's credentials are for the registry: a storage backend gets a pre-signed URL instead.
            if (IsRegistry(reference, url))
            {
                message.Headers.Authorization = authorization;
            }
            HttpTransfer.SetResumeFrom(message, request.ResumeFrom);
            foreach (var type in request.Accept)
            {
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            }
            var response = await HttpTransfer.SendAsync(_client, message, cancellationToken).ConfigureAwait(false);
            if (!request.FollowsRedirects || !HttpTransfer.IsRedirect(response.StatusCode))
            {
                return response;
            }
            var next = HttpTransfer.RedirectTarget(url, response);
            response.Dispose();
            url = next;
        }
        throw new SourceException($"{request.Method} {HttpTransfer.Redact(request.Url)}: more than {HttpTransfer.MaxRedirects} redirects",
            isTransient: false);
    }

    private static bool IsRegistry(OciReference reference, Uri? url) =>
        url is not null && url.Scheme == reference.Endpoint.Scheme
            && string.Equals(url.Authority, reference.Endpoint.Authority, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Bearer challenge if one is offered (it carries the scope), else the first.</summary>
    private static AuthChallenge? Challenge(HttpResponseMessage response)
    {
        var challenges = response.Headers.WwwAuthenticate
            .Select(h => AuthChallenge.Parse(h.Parameter is null ? h.Scheme : $"{h.Scheme} {h.Parameter}"))
            .OfType<AuthChallenge>()
            .ToList();
        return challenges.FirstOrDefault(c => c.IsBearer) ?? challenges.FirstOrDefault();
    }

    private RegistryAuthException Refusal(OciReference reference, RegistryRequest request, IReadOnlyList<string> scopes,
        AuthChallenge? challenge, RegistryAuthorization? authorization, string? detail)
    {
        var registry = reference.Registry;
        var what = $"{request.Method} {HttpTransfer.Redact(request.Url)}: HTTP 401{(detail is null ? "" : " " + detail)}";
        if (challenge is null)
        {
            return new RegistryAuthException($"registry {registry} refused access without saying how to log in (no WWW-Authenticate): {what}",
                "the registry is misconfigured, or a proxy in between swallows its headers");
        }
        var credential = authorization?.Credential;
        if (credential is null)
        {
            return new RegistryAuthException($"registry {registry} requires a login and no credentials for it were found "
                + $"(read: {_authorizer.Credentials.DescribeSearch()}): {what}",
                $"log in with `docker login {registry}` or `podman login {registry}`, or point DOCKER_CONFIG or REGISTRY_AUTH_FILE at a file that has it");
        }
        if (challenge.Error == "invalid_token")
        {
            return new RegistryAuthException($"registry {registry} does not accept the token its token service issued for {credential}: {what}",
                "the registry's token settings (issuer, service, signing certificates) do not match its token service; tell its operator");
        }
        if (challenge.Error == "insufficient_scope" || authorization?.Token is not null)
        {
            return new RegistryAuthException($"registry {registry}: the token issued for {credential} does not allow "
                + $"{string.Join(" ", scopes)}: {what}",
                $"ask the registry's operator to grant that access to this account, or use credentials that have it");
        }
        return new RegistryAuthException($"registry {registry} refused {credential}: {what}",
            $"check the user name and password (log in again with `docker login {registry}`)");
    }
}
