using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ReproGet.TestKit.Http;

namespace ReproGet.TestKit.Registry;

/// <summary>
/// A registry token service (Kestrel on 127.0.0.1) as the distribution token spec describes: <c>GET /token</c>
/// with Basic credentials (or none) and <c>service</c>/<c>scope</c> parameters, or the OAuth2 refresh-token
/// <c>POST</c>, answered with an RS256 JWT whose <c>x5c</c> header carries the signing certificate, granting each
/// user only the actions it was given.
/// </summary>
public sealed class TokenServer : IAsyncDisposable
{
    private readonly X509Certificate2 _signer;
    private readonly string _issuer;
    private readonly string _service;
    private readonly ConcurrentDictionary<string, (string Secret, string[] Actions)> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private LoopbackKestrel? _kestrel;

    private TokenServer(X509Certificate2 signer, string issuer, string service)
    {
        _signer = signer;
        _issuer = issuer;
        _service = service;
    }

    public string Realm { get; private set; } = "";

    /// <summary>Every token request as "USER SCOPE SCOPE…" (USER is "-" when anonymous).</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    public static async Task<TokenServer> StartAsync(string certificatePem, string keyPem, string issuer, string service)
    {
        var server = new TokenServer(X509Certificate2.CreateFromPemFile(certificatePem, keyPem), issuer, service);
        server._kestrel = await LoopbackKestrel.StartAsync(server.RespondAsync).ConfigureAwait(false);
        server.Realm = server._kestrel.BaseUrl + "/token";
        return server;
    }

    /// <summary>Lets <paramref name="user"/> log in with <paramref name="password"/> and do <paramref name="actions"/> (pull, push).</summary>
    public void AddUser(string user, string password, params string[] actions) => _users[user] = (password, actions);

    /// <summary>Lets an OAuth2 refresh token (docker's <c>identitytoken</c>) stand for <paramref name="user"/>.</summary>
    public void AddRefreshToken(string refreshToken, string user) => _refreshTokens[refreshToken] = user;

    public async ValueTask DisposeAsync()
    {
        if (_kestrel is not null)
        {
            await _kestrel.DisposeAsync().ConfigureAwait(false);
        }
        _signer.Dispose();
    }

    private async Task RespondAsync(HttpContext context)
    {
        string? user;
        IEnumerable<string> scopes;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
            if (form["grant_type"] != "refresh_token" || !_refreshTokens.TryGetValue(form["refresh_token"].ToString(), out user))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            scopes = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        else
        {
            if (!TryAuthenticate(context.Request.Headers.Authorization.ToString(), out user))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            scopes = context.Request.Query["scope"].Select(s => s ?? "");
        }
        var requested = scopes.ToList();
        _requests.Enqueue($"{user ?? "-"} {string.Join(' ', requested)}");
        var allowed = user is not null && _users.TryGetValue(user, out var entry) ? entry.Actions : [];
        var token = Sign(user ?? "", requested, allowed);
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("token", token);
        writer.WriteString("access_token", token);
        writer.WriteNumber("expires_in", (int)Lifetime.TotalSeconds);
        writer.WriteString("issued_at", DateTimeOffset.UtcNow.ToString("O"));
        writer.WriteEndObject();
    }

    /// <summary>No Authorization: anonymous (true, null user). Basic with a known user and right password: true.</summary>
    private bool TryAuthenticate(string header, out string? user)
    {
        user = null;
        if (header.Length == 0)
        {
            return true;
        }
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        var colon = decoded.IndexOf(':');
        var name = colon < 0 ? decoded : decoded[..colon];
        if (colon < 0 || !_users.TryGetValue(name, out var entry) || entry.Secret != decoded[(colon + 1)..])
        {
            return false;
        }
        user = name;
        return true;
    }

    private string Sign(string subject, IReadOnlyList<string> scopes, string[] allowed)
    {
        var header = Json(writer =>
        {
            writer.WriteString("typ", "JWT");
            writer.WriteString("alg", "RS256");
            writer.WriteStartArray("x5c");
            writer.WriteStringValue(Convert.ToBase64String(_signer.RawData));
            writer.WriteEndArray();
        });
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = Json(writer =>
        {
            writer.WriteString("iss", _issuer);
            writer.WriteString("sub", subject);
            writer.WriteString("aud", _service);
            writer.WriteNumber("exp", now + (long)Lifetime.TotalSeconds);
            writer.WriteNumber("nbf", now - 1);
            writer.WriteNumber("iat", now);
            writer.WriteString("jti", Guid.NewGuid().ToString("N"));
            writer.WriteStartArray("access");
            foreach (var scope in scopes)
            {
                var parts = scope.Split(':');
                if (parts.Length != 3)
                {
                    continue;
                }
                writer.WriteStartObject();
                writer.WriteString("type", parts[0]);
                writer.WriteString("name", parts[1]);
                writer.WriteStartArray("actions");
                foreach (var action in parts[2].Split(',').Where(allowed.Contains))
                {
                    writer.WriteStringValue(action);
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });
        var signingInput = $"{Base64Url.EncodeToString(header)}.{Base64Url.EncodeToString(claims)}";
        using var key = _signer.GetRSAPrivateKey()!;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
