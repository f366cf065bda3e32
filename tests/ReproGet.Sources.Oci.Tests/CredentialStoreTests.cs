using System.Text;
using ReproGet.Core.Errors;
using ReproGet.TestKit;

namespace ReproGet.Sources.Oci.Tests;

public sealed class CredentialStoreTests : IDisposable
{
    private readonly TempDirectory _home = new();
    private readonly Dictionary<string, string> _environment = [];

    public CredentialStoreTests() => _environment["HOME"] = _home.Path;

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Reads_docker_base64_auth_from_the_default_config()
    {
        WriteDockerConfig(BasicAuths("registry.lan:5000", "alice:s3cr:et"));

        var credential = await FindAsync("registry.lan:5000", "team/debs");

        Assert.NotNull(credential);
        Assert.Equal("alice", credential.Username);
        Assert.Equal("s3cr:et", credential.Password);
        Assert.Contains(_home.Combine(".docker", "config.json"), credential.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docker_hub_url_keys_and_identity_tokens_are_understood()
    {
        WriteDockerConfig("""{"auths":{"https://index.docker.io/v1/":{"identitytoken":"refresh-me"}}}""");

        var credential = await FindAsync("docker.io", "library/debian");

        Assert.Equal("refresh-me", credential?.IdentityToken);
        Assert.DoesNotContain("refresh-me", credential?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Podman_namespaced_keys_pick_the_most_specific_entry()
    {
        var authFile = _home.WriteFile("podman-auth.json", """
            {"auths":{
              "quay.io":{"username":"everyone","password":"p1"},
              "quay.io/team":{"username":"team","password":"p2"},
              "quay.io/team/debs":{"username":"debs","password":"p3"}}}
            """);
        _environment["REGISTRY_AUTH_FILE"] = authFile;

        Assert.Equal("debs", (await FindAsync("quay.io", "team/debs"))?.Username);
        Assert.Equal("team", (await FindAsync("quay.io", "team/rpms"))?.Username);
        Assert.Equal("everyone", (await FindAsync("quay.io", "teamx/debs"))?.Username);
    }

    [Fact]
    public async Task The_podman_auth_file_comes_before_the_docker_config()
    {
        WriteDockerConfig(BasicAuths("registry.lan", "docker-user:pw"));
        var runtime = _home.Combine("run");
        _home.WriteFile(Path.Combine("run", "containers", "auth.json"), BasicAuths("registry.lan", "podman-user:pw"));
        _environment["XDG_RUNTIME_DIR"] = runtime;

        Assert.Equal("podman-user", (await FindAsync("registry.lan", "x"))?.Username);
    }

    [Fact]
    public async Task Placeholder_entries_and_other_registries_give_nothing()
    {
        WriteDockerConfig("""{"auths":{"registry.lan":{},"other.lan":{"username":"u","password":"p"}}}""");

        Assert.Null(await FindAsync("registry.lan", "x"));
        Assert.Contains(_home.Combine(".docker", "config.json"), new CredentialStore(Lookup).DescribeSearch(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_auth_file_is_an_error_naming_it()
    {
        var path = WriteDockerConfig("""{"auths":{"registry.lan":{"auth":"not base64!"}}}""");

        var error = await Assert.ThrowsAsync<ReproGetException>(() => FindAsync("registry.lan", "x"));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_credential_helper_is_an_error_naming_the_helper_and_the_file()
    {
        _environment["DOCKER_CONFIG"] = _home.Combine("cfg");
        var path = _home.WriteFile(Path.Combine("cfg", "config.json"), """{"credsStore":"reproget-test-absent"}""");

        var error = await Assert.ThrowsAsync<ReproGetException>(() => FindAsync("registry.lan", "x"));

        Assert.Contains("docker-credential-reproget-test-absent", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lookup_cancelled_by_its_first_caller_is_not_cached_for_the_others()
    {
        // A credential helper that answers after a second, on PATH for this test (the added directory holds only it).
        var bin = _home.Combine("bin");
        Directory.CreateDirectory(bin);
        var helper = _home.WriteFile(Path.Combine("bin", "docker-credential-reproget-slow"),
            "#!/bin/sh\nsleep 1\necho '{\"ServerURL\":\"registry.lan\",\"Username\":\"slow\",\"Secret\":\"pw\"}'\n");
        File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        lock (PathLock)
        {
            var path = Environment.GetEnvironmentVariable("PATH") ?? "";
            if (!path.Split(':').Contains(bin))
            {
                Environment.SetEnvironmentVariable("PATH", path + ":" + bin);
            }
        }
        WriteDockerConfig("""{"credsStore":"reproget-slow"}""");
        var store = new CredentialStore(Lookup);

        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.FindAsync("registry.lan", "x", impatient.Token));
        var credential = await store.FindAsync("registry.lan", "x", CancellationToken.None);

        Assert.Equal("slow", credential?.Username);
    }

    private static readonly object PathLock = new();

    private string WriteDockerConfig(string json) => _home.WriteFile(Path.Combine(".docker", "config.json"), json);

    private Task<RegistryCredential?> FindAsync(string registry, string repository) =>
        new CredentialStore(Lookup).FindAsync(registry, repository, CancellationToken.None);

    private string? Lookup(string name) => _environment.GetValueOrDefault(name);

    private static string BasicAuths(string registry, string userAndPassword) =>
        "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword)) + "\"}}}";
}
