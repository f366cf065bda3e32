namespace ReproGet.Sources.Oci;

/// <summary>An access token from a registry's token service, usable until <see cref="ExpiresAt"/>.</summary>
internal sealed record BearerToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>The token spec's default and minimum lifetime; services saying less are read as saying this.</summary>
    public static readonly TimeSpan MinimumLifetime = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    /// <summary>Handed out only while some life is left, so a request never starts with a token about to lapse.</summary>
    public bool IsFresh(DateTimeOffset now) => now < ExpiresAt - Margin;
}
