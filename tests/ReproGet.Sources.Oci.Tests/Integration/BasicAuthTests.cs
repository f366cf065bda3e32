using System.Text;
using ReproGet.TestKit.Registry;

namespace ReproGet.Sources.Oci.Tests.Integration;

/// <summary>The real registry with htpasswd (Basic) auth; credentials as docker keeps them.</summary>
[Trait("Category", "Integration")]
public sealed class BasicAuthTests
{
    private const string User = "alice";
    private const string Password = "correct horse";

    [Fact]
    public async Task Credentials_from_the_docker_config_push_and_pull()
    {
        using var workspace = await Workspace.CreateAsync();
        await using var registry = await StartAsync(workspace);
        workspace.UseDockerConfig(Auths(registry.Address, User, Password));

        using var push = await workspace.PushAsync($"oci://{registry.Address}/reproget/debs:v1");
        var fresh = workspace.NewCache("fresh");
        using var download = await workspace.DownloadAsync(fresh, $"oci://{registry.Address}/reproget/debs");

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.True(download.ExitCode == 0, download.ToString());
        Workspace.AssertHoldsTheDebs(fresh);
    }

    [Fact]
    public async Task A_wrong_password_names_the_registry_and_the_config_file()
    {
        using var workspace = await Workspace.CreateAsync();
        await using var registry = await StartAsync(workspace);
        var config = workspace.UseDockerConfig(Auths(registry.Address, User, "Wr0ngPassw0rd"));

        using var push = await workspace.PushAsync($"oci://{registry.Address}/reproget/debs:v1");

        Assert.Equal(1, push.ExitCode);
        Assert.Contains($"registry {registry.Address} refused user \"{User}\" from {config}", push.StandardError, StringComparison.Ordinal);
        Assert.Contains("docker login", push.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Wr0ngPassw0rd", push.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_credentials_says_where_it_looked_and_how_to_log_in()
    {
        using var workspace = await Workspace.CreateAsync();
        await using var registry = await StartAsync(workspace);
        var config = workspace.UseDockerConfig("""{"auths":{"elsewhere.example":{"auth":"dTpw"}}}""");

        using var download = await workspace.DownloadAsync(workspace.NewCache("fresh"), $"oci://{registry.Address}/reproget/debs");

        Assert.Equal(1, download.ExitCode);
        Assert.Contains($"registry {registry.Address} requires a login", download.StandardError, StringComparison.Ordinal);
        Assert.Contains(config, download.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_helper_on_PATH_is_asked_for_the_registry()
    {
        using var workspace = await Workspace.CreateAsync();
        await using var registry = await StartAsync(workspace);
        var asked = workspace.Combine("helper-asked");
        var helper = workspace.WriteFile(Path.Combine("bin", "docker-credential-reproget-test"), $$"""
            #!/bin/sh
            [ "$1" = get ] || exit 1
            cat >> '{{asked}}'
            echo >> '{{asked}}'
            printf '{"ServerURL":"%s","Username":"{{User}}","Secret":"{{Password}}"}' x
            """);
        File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        workspace.Environment["PATH"] = Path.GetDirectoryName(helper) + ":" + Environment.GetEnvironmentVariable("PATH");
        workspace.UseDockerConfig("{\"auths\":{},\"credHelpers\":{\"" + registry.Address + "\":\"reproget-test\"}}");

        using var push = await workspace.PushAsync($"oci://{registry.Address}/reproget/debs:v1");

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Equal(registry.Address + "\n", File.ReadAllText(asked));
    }

    [Fact]
    public async Task A_redirect_to_storage_gets_no_registry_credentials()
    {
        using var workspace = await Workspace.CreateAsync();
        var storagePort = FreePort.Next();
        var htpasswd = await Htpasswd.CreateAsync(workspace.Combine("htpasswd"), User, Password);
        await using var registry = await DockerRegistry.StartAsync(new RegistrySetup
        {
            HtpasswdFile = htpasswd,
            RedirectBaseUrl = $"http://localhost:{storagePort}/",
        });
        await using var storage = await StorageServer.StartAsync(registry.StorageRoot, storagePort);
        workspace.UseDockerConfig(Auths(registry.Address, User, Password));

        using var push = await workspace.PushAsync($"oci://{registry.Address}/reproget/debs:v1");
        var fresh = workspace.NewCache("fresh");
        using var download = await workspace.DownloadAsync(fresh, $"oci://{registry.Address}/reproget/debs");

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.True(download.ExitCode == 0, download.ToString());
        Workspace.AssertHoldsTheDebs(fresh);
        var fetched = storage.Requests.Where(r => r.Path.EndsWith("/data", StringComparison.Ordinal)).ToList();
        Assert.Contains(fetched, r => r.Path.Contains(Workspace.Hex(Workspace.Debs[0]), StringComparison.Ordinal));
        Assert.All(storage.Requests, r => Assert.Null(r.Authorization));
    }

    private static async Task<DockerRegistry> StartAsync(Workspace workspace) =>
        await DockerRegistry.StartAsync(new RegistrySetup
        {
            HtpasswdFile = await Htpasswd.CreateAsync(workspace.Combine("htpasswd"), User, Password),
        });

    private static string Auths(string registry, string user, string password) =>
        "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")) + "\"}}}";
}
