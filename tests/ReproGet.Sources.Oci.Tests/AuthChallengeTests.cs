namespace ReproGet.Sources.Oci.Tests;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Reads_a_bearer_challenge_with_commas_inside_quotes()
    {
        var challenge = AuthChallenge.Parse(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:me/app:pull,push\","
            + "error=\"insufficient_scope\"")!;

        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.docker.io/token", challenge.Realm);
        Assert.Equal("registry.docker.io", challenge.Service);
        Assert.Equal("repository:me/app:pull,push", challenge.Scope);
        Assert.Equal("insufficient_scope", challenge.Error);
    }

    [Fact]
    public void Reads_a_basic_challenge_and_unquoted_values()
    {
        var challenge = AuthChallenge.Parse("Basic realm=registry, charset=UTF-8")!;

        Assert.True(challenge.IsBasic);
        Assert.Equal("registry", challenge.Realm);
        Assert.Equal("UTF-8", challenge.Parameters["charset"]);
    }

    [Fact]
    public void Nothing_to_read_is_no_challenge() => Assert.Null(AuthChallenge.Parse("  "));
}
