namespace ReproGet.Sources.Oci;

/// <summary>
/// What a user has stored for a registry: a user name and password, or an identity (refresh) token that a token
/// service exchanges for access tokens. <see cref="Origin"/> says where it came from, for error messages.
/// </summary>
public sealed record RegistryCredential(string Username, string Password, string? IdentityToken, string Origin)
{
    /// <summary>The user name docker's credential helpers return when the secret is an identity token.</summary>
    public const string TokenUsername = "<token>";

    public bool HasPassword => Username.Length > 0 && Password.Length > 0;

    /// <summary>The ToString of a record would print the password; this never does.</summary>
    public override string ToString() =>
        IdentityToken is not null ? $"an identity token from {Origin}" : $"user \"{Username}\" from {Origin}";
}
