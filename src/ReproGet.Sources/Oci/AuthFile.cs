using System.Text;
using System.Text.Json;
using ReproGet.Core.Errors;

namespace ReproGet.Sources.Oci;

/// <summary>
/// One docker <c>config.json</c> or podman/skopeo <c>auth.json</c>: <c>auths</c> entries (base64 <c>auth</c>,
/// <c>username</c>/<c>password</c>, <c>identitytoken</c>), keyed by registry, URL or podman's
/// <c>registry/namespace</c>; <c>credHelpers</c> per registry; and a default <c>credsStore</c>.
/// </summary>
public sealed class AuthFile
{
    private readonly Dictionary<string, RegistryCredential> _auths;
    private readonly Dictionary<string, string> _helpers;

    private AuthFile(string path, Dictionary<string, RegistryCredential> auths, Dictionary<string, string> helpers, string? store)
    {
        Path = path;
        _auths = auths;
        _helpers = helpers;
        CredentialsStore = store;
    }

    public string Path { get; }

    /// <summary>The <c>credsStore</c> helper name (<c>pass</c>, <c>secretservice</c>, …) used when no entry matches.</summary>
    public string? CredentialsStore { get; }

    /// <summary>Reads <paramref name="path"/>; null when it does not exist. A file that is not JSON is an error naming it.</summary>
    public static AuthFile? Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReproGetException($"cannot read the registry auth file \"{path}\": {e.Message}", "fix its permissions or unset the variable naming it");
        }
        try
        {
            using var json = JsonDocument.Parse(bytes);
            return FromJson(path, json.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new ReproGetException($"the registry auth file \"{path}\" is not valid: {e.Message}",
                "it should be JSON as written by `docker login` or `podman login`");
        }
    }

    /// <summary>The helper <c>credHelpers</c> names for <paramref name="registry"/>, if any.</summary>
    public string? HelperFor(string registry) => _helpers.GetValueOrDefault(registry);

    /// <summary>The <c>auths</c> entry with the most specific key matching <paramref name="registry"/>/<paramref name="repository"/>.</summary>
    public RegistryCredential? EntryFor(string registry, string repository)
    {
        var path = $"{registry}/{repository}";
        RegistryCredential? best = null;
        var bestLength = -1;
        foreach (var (key, credential) in _auths)
        {
            if ((path == key || path.StartsWith(key + "/", StringComparison.Ordinal)) && key.Length > bestLength)
            {
                best = credential;
                bestLength = key.Length;
            }
        }
        return best;
    }

    private static AuthFile FromJson(string path, JsonElement root)
    {
        var auths = new Dictionary<string, RegistryCredential>(StringComparer.Ordinal);
        if (root.TryGetProperty("auths", out var entries) && entries.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in entries.EnumerateObject())
            {
                if (ToCredential(entry.Value, $"{path} (auths \"{entry.Name}\")") is { } credential)
                {
                    auths[NormaliseKey(entry.Name)] = credential;
                }
            }
        }
        var helpers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("credHelpers", out var helperEntries) && helperEntries.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in helperEntries.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.String && entry.Value.GetString() is { Length: > 0 } name)
                {
                    helpers[NormaliseKey(entry.Name)] = name;
                }
            }
        }
        var store = root.TryGetProperty("credsStore", out var storeName) && storeName.ValueKind == JsonValueKind.String
            ? storeName.GetString()
            : null;
        return new AuthFile(path, auths, helpers, string.IsNullOrEmpty(store) ? null : store);
    }

    /// <summary>An entry with something usable in it; docker leaves <c>{}</c> placeholders when a store holds the secret.</summary>
    private static RegistryCredential? ToCredential(JsonElement entry, string origin)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var username = Text(entry, "username");
        var password = Text(entry, "password");
        if (Text(entry, "auth") is { Length: > 0 } auth)
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
            var colon = decoded.IndexOf(':');
            if (colon < 0)
            {
                throw new FormatException($"{origin}: \"auth\" is not base64 of USER:PASSWORD");
            }
            username = decoded[..colon];
            password = decoded[(colon + 1)..];
        }
        var identityToken = Text(entry, "identitytoken");
        if (string.IsNullOrEmpty(identityToken) && (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password)))
        {
            return null;
        }
        return new RegistryCredential(username ?? "", password ?? "", string.IsNullOrEmpty(identityToken) ? null : identityToken, origin);
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// Keys come as <c>host</c>, <c>https://host</c>, <c>https://host/v1/</c> or podman's <c>host/namespace</c>;
    /// Docker Hub's is <c>https://index.docker.io/v1/</c>.
    /// </summary>
    internal static string NormaliseKey(string key)
    {
        var text = key.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
            // A URL key names a host only (docker's "https://host/v1/").
            var slash = text.IndexOf('/');
            text = slash < 0 ? text : text[..slash];
        }
        text = text.TrimEnd('/');
        var first = text.Split('/')[0];
        if (first is "index.docker.io" or "registry-1.docker.io")
        {
            text = OciReference.DockerHub + text[first.Length..];
        }
        return text.ToLowerInvariant();
    }
}
