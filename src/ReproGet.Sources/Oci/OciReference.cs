using System.Net;
using System.Text.RegularExpressions;
using ReproGet.Core.Errors;
using ReproGet.Core.Providers;

namespace ReproGet.Sources.Oci;

/// <summary>
/// A repository on a registry, as written in a provider (<c>oci://HOST[:PORT]/REPO[:TAG][@DIGEST]</c>,
/// <c>oci+http://…</c>, <c>oci+https://…</c>) or a push target (the same, or a plain <c>HOST/REPO:TAG</c>).
/// <c>oci://</c> and plain references mean HTTPS, except on loopback hosts where registries run without TLS;
/// <c>oci+http</c> and <c>oci+https</c> force the transport. Docker Hub names are normalised as docker does.
/// </summary>
public sealed partial record OciReference
{
    public const string DockerHub = "docker.io";

    private OciReference(string transport, string registry, string repository, string? tag, string? digest)
    {
        Transport = transport;
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary><c>http</c> or <c>https</c>.</summary>
    public string Transport { get; }

    /// <summary>The registry as users name it in <c>docker login</c> (<c>HOST[:PORT]</c>, <c>docker.io</c>).</summary>
    public string Registry { get; }

    /// <summary>The repository path, lowercase (<c>library/debian</c>).</summary>
    public string Repository { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    /// <summary>Where the API lives: <c>https://HOST/</c> (Docker Hub's is <c>registry-1.docker.io</c>).</summary>
    public Uri Endpoint => new($"{Transport}://{(Registry == DockerHub ? "registry-1.docker.io" : Registry)}/");

    public Uri BlobUri(string digest) => new(Endpoint, $"v2/{Repository}/blobs/{digest}");

    public Uri ManifestUri(string tagOrDigest) => new(Endpoint, $"v2/{Repository}/manifests/{tagOrDigest}");

    public Uri UploadUri(string query = "") => new(Endpoint, $"v2/{Repository}/blobs/uploads/{query}");

    public OciReference WithRepository(string repository) =>
        new(Transport, Registry, ValidRepository(repository, repository), null, null);

    public static bool IsOciScheme(string scheme) => OciSchemes.Contains(scheme);

    /// <summary>Parses <paramref name="text"/>; a scheme-less reference is accepted when <paramref name="allowPlain"/>.</summary>
    public static OciReference Parse(string text, bool allowPlain = false)
    {
        var rest = text;
        var scheme = "";
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator >= 0)
        {
            scheme = text[..separator].ToLowerInvariant();
            rest = text[(separator + 3)..];
            if (!IsOciScheme(scheme))
            {
                throw Invalid(text, $"unknown scheme \"{scheme}\" (want oci://, oci+http:// or oci+https://)");
            }
        }
        else if (!allowPlain)
        {
            throw Invalid(text, "want oci://REGISTRY/REPOSITORY");
        }
        string? digest = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                throw Invalid(text, $"\"{digest}\" is not a digest (want sha256:<64 lowercase hex>)");
            }
        }
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                throw Invalid(text, $"\"{tag}\" is not a valid tag");
            }
        }
        var (registry, repository) = SplitRegistry(rest);
        if (registry.Length == 0 || repository.Length == 0)
        {
            throw Invalid(text, "want REGISTRY/REPOSITORY");
        }
        repository = ValidRepository(text, registry == DockerHub && !repository.Contains('/') ? "library/" + repository : repository);
        var transport = scheme switch
        {
            "oci+http" => "http",
            "oci+https" => "https",
            _ => IsLoopback(registry) ? "http" : "https",
        };
        return new OciReference(transport, registry, repository, tag, digest);
    }

    /// <summary>True for <c>localhost</c>, 127.0.0.0/8 and ::1, with or without a port.</summary>
    public static bool IsLoopback(string registry)
    {
        var host = registry;
        if (host.StartsWith('['))
        {
            host = host[1..Math.Max(1, host.IndexOf(']'))];
        }
        else if (host.LastIndexOf(':') is > 0 and var colon)
        {
            host = host[..colon];
        }
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    public override string ToString() =>
        $"{Registry}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";

    private static (string Registry, string Repository) SplitRegistry(string path)
    {
        var slash = path.IndexOf('/');
        var first = slash < 0 ? path : path[..slash];
        // As docker reads names: the first part is a registry only if it looks like a host.
        if (slash < 0 || !(first.Contains('.') || first.Contains(':') || first == "localhost" || first.StartsWith('[')))
        {
            return (DockerHub, path);
        }
        var registry = first.ToLowerInvariant();
        return (registry is "index.docker.io" or "registry-1.docker.io" ? DockerHub : registry, path[(slash + 1)..]);
    }

    private static string ValidRepository(string text, string repository)
    {
        if (!RepositoryPattern().IsMatch(repository))
        {
            throw Invalid(text, $"\"{repository}\" is not a valid repository name (lowercase letters, digits, "
                + "and . _ - separators, in /-separated parts)");
        }
        return repository;
    }

    private static ReproGetException Invalid(string text, string why) =>
        new($"invalid OCI reference \"{text}\": {why}", "write it as oci://REGISTRY[:PORT]/REPOSITORY[:TAG], e.g. oci://ghcr.io/me/debs");

    [GeneratedRegex("^[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$")]
    private static partial Regex DigestPattern();
}
