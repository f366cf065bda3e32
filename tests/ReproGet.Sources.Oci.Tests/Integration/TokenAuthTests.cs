using System.Text;
using ReproGet.TestKit;
using ReproGet.TestKit.Registry;

namespace ReproGet.Sources.Oci.Tests.Integration;

/// <summary>
/// The real registry with <c>auth: token</c>, trusting a signing certificate made by openssl; a token service of the
/// test issues real signed JWTs for the scopes each user may have.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TokenAuthTests : IAsyncLifetime
{
    private readonly TempDirectory _keys = new();
    private TokenServer? _tokens;
    private DockerRegistry? _registry;

    private TokenServer Tokens => _tokens!;

    private DockerRegistry Registry => _registry!;

    private string Repository => $"oci://{Registry.Address}/reproget/debs";

    public async Task InitializeAsync()
    {
        var (certificate, key) = await OpensslCertificates.CreateSelfSignedAsync(_keys.Path, "token-signer");
        var setup = new RegistrySetup { TokenRootCertificates = certificate };
        _tokens = await TokenServer.StartAsync(certificate, key, setup.TokenIssuer, setup.TokenService);
        Tokens.AddUser("alice", "alice-pw", "pull", "push");
        Tokens.AddUser("bob", "bob-pw", "pull");
        Tokens.AddRefreshToken("alice-refresh-token", "alice");
        _registry = await DockerRegistry.StartAsync(setup with { TokenRealm = Tokens.Realm });
    }

    public async Task DisposeAsync()
    {
        await Registry.DisposeAsync();
        await Tokens.DisposeAsync();
        _keys.Dispose();
    }

    [Fact]
    public async Task A_user_with_push_access_pushes_and_pulls_with_one_token_each()
    {
        using var workspace = await Workspace.CreateAsync();
        workspace.UseDockerConfig(Auths("alice", "alice-pw"));

        using var push = await workspace.PushAsync(Repository + ":v1");
        var pushTokens = Tokens.Requests.ToList();
        var fresh = workspace.NewCache("fresh");
        using var download = await workspace.DownloadAsync(fresh, Repository);

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.True(download.ExitCode == 0, download.ToString());
        Workspace.AssertHoldsTheDebs(fresh);
        // Every request of the push (HEADs, uploads, manifest) used the one cached token.
        Assert.Equal(["alice repository:reproget/debs:pull,push"], pushTokens);
        Assert.Equal("alice repository:reproget/debs:pull", Tokens.Requests[^1]);
    }

    [Fact]
    public async Task A_token_without_push_access_fails_the_push_clearly()
    {
        using var workspace = await Workspace.CreateAsync();
        workspace.UseDockerConfig(Auths("bob", "bob-pw"));

        using var push = await workspace.PushAsync(Repository + ":v1");

        Assert.Equal(1, push.ExitCode);
        Assert.Contains($"registry {Registry.Address}: the token issued for user \"bob\"", push.StandardError, StringComparison.Ordinal);
        Assert.Contains("does not allow repository:reproget/debs:pull,push", push.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pull_only_user_and_an_identity_token_can_pull()
    {
        using var workspace = await Workspace.CreateAsync();
        workspace.UseDockerConfig(Auths("alice", "alice-pw"));
        using var push = await workspace.PushAsync(Repository + ":v1");
        Assert.True(push.ExitCode == 0, push.ToString());

        workspace.UseDockerConfig(Auths("bob", "bob-pw"));
        var byBob = workspace.NewCache("bob");
        using var bob = await workspace.DownloadAsync(byBob, Repository);
        workspace.UseDockerConfig("{\"auths\":{\"" + Registry.Address + "\":{\"identitytoken\":\"alice-refresh-token\"}}}");
        var byRefresh = workspace.NewCache("refresh");
        using var refresh = await workspace.DownloadAsync(byRefresh, Repository);

        Assert.True(bob.ExitCode == 0, bob.ToString());
        Workspace.AssertHoldsTheDebs(byBob);
        Assert.True(refresh.ExitCode == 0, refresh.ToString());
        Workspace.AssertHoldsTheDebs(byRefresh);
    }

    [Fact]
    public async Task Anonymous_access_gets_a_token_that_the_registry_refuses()
    {
        using var workspace = await Workspace.CreateAsync();

        using var download = await workspace.DownloadAsync(workspace.NewCache("fresh"), Repository);

        Assert.Equal(1, download.ExitCode);
        Assert.Contains("- repository:reproget/debs:pull", Tokens.Requests);
        Assert.Contains($"registry {Registry.Address} requires a login", download.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_by_the_token_service()
    {
        using var workspace = await Workspace.CreateAsync();
        var config = workspace.UseDockerConfig(Auths("alice", "not-alice-pw"));

        using var push = await workspace.PushAsync(Repository + ":v1");

        Assert.Equal(1, push.ExitCode);
        Assert.Contains($"the token service {Tokens.Realm} of registry {Registry.Address} refused user \"alice\" from {config}",
            push.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registry_that_cannot_verify_the_tokens_is_named_as_the_problem()
    {
        using var workspace = await Workspace.CreateAsync();
        var (otherCertificate, _) = await OpensslCertificates.CreateSelfSignedAsync(_keys.Path, "some-other-signer");
        await using var misconfigured = await DockerRegistry.StartAsync(
            new RegistrySetup { TokenRealm = Tokens.Realm, TokenRootCertificates = otherCertificate });
        workspace.UseDockerConfig("{\"auths\":{\"" + misconfigured.Address + "\":{\"auth\":\""
            + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:alice-pw")) + "\"}}}");

        using var download = await workspace.DownloadAsync(workspace.NewCache("fresh"), $"oci://{misconfigured.Address}/reproget/debs");

        Assert.Equal(1, download.ExitCode);
        Assert.Contains($"registry {misconfigured.Address} does not accept the token its token service issued for user \"alice\"",
            download.StandardError, StringComparison.Ordinal);
    }

    private string Auths(string user, string password) =>
        "{\"auths\":{\"" + Registry.Address + "\":{\"auth\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")) + "\"}}}";
}
