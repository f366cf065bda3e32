namespace ReproGet.TestKit.Registry;

/// <summary>How to configure a <see cref="DockerRegistry"/>: anonymous by default; at most one of the auth kinds.</summary>
public sealed record RegistrySetup
{
    /// <summary>An htpasswd file (bcrypt entries, as <c>htpasswd -B</c> writes): Basic auth.</summary>
    public string? HtpasswdFile { get; init; }

    /// <summary>Token auth: clients get a Bearer token from this realm, signed by a certificate of <see cref="TokenRootCertificates"/>.</summary>
    public string? TokenRealm { get; init; }

    public string TokenService { get; init; } = "reproget-test-registry";

    public string TokenIssuer { get; init; } = "reproget-test-issuer";

    public string? TokenRootCertificates { get; init; }

    /// <summary>Serve HTTPS with this certificate and key (PEM files).</summary>
    public (string Certificate, string Key)? Tls { get; init; }

    /// <summary>Answer blob GETs with a 307 to this base URL + the storage path (the "redirect" storage middleware).</summary>
    public string? RedirectBaseUrl { get; init; }
}
