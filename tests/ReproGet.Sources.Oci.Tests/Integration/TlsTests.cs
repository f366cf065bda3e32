using ReproGet.TestKit;
using ReproGet.TestKit.Registry;

namespace ReproGet.Sources.Oci.Tests.Integration;

/// <summary>The real registry serving HTTPS with a certificate from a private CA made by openssl.</summary>
[Trait("Category", "Integration")]
public sealed class TlsTests : IAsyncLifetime
{
    private readonly TempDirectory _certificates = new();
    private DockerRegistry? _registry;
    private string _ca = "";

    private DockerRegistry Registry => _registry!;

    private string Repository => $"oci+https://{Registry.Address}/reproget/debs";

    public async Task InitializeAsync()
    {
        var (ca, certificate, key) = await OpensslCertificates.CreateServerAsync(_certificates.Path);
        _ca = ca;
        _registry = await DockerRegistry.StartAsync(new RegistrySetup { Tls = (certificate, key) });
    }

    public async Task DisposeAsync()
    {
        await Registry.DisposeAsync();
        _certificates.Dispose();
    }

    [Fact]
    public async Task Push_and_pull_work_with_the_ca_file()
    {
        using var workspace = await Workspace.CreateAsync();

        using var push = await workspace.PushAsync(Repository + ":v1", "--ca-file", _ca);
        var fresh = workspace.NewCache("fresh");
        using var download = await workspace.DownloadAsync(fresh, Repository, "--ca-file", _ca);

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.True(download.ExitCode == 0, download.ToString());
        Workspace.AssertHoldsTheDebs(fresh);
    }

    [Fact]
    public async Task SSL_CERT_FILE_is_honoured_like_the_ca_file()
    {
        using var workspace = await Workspace.CreateAsync();
        workspace.Environment["SSL_CERT_FILE"] = _ca;

        using var push = await workspace.PushAsync(Repository + ":v1");

        Assert.True(push.ExitCode == 0, push.ToString());
    }

    [Fact]
    public async Task Without_the_ca_the_failure_says_tls_and_how_to_trust_it()
    {
        using var workspace = await Workspace.CreateAsync();

        using var push = await workspace.PushAsync(Repository + ":v1");
        using var download = await workspace.DownloadAsync(workspace.NewCache("fresh"), Repository);

        Assert.Equal(1, push.ExitCode);
        Assert.Contains("TLS failed", push.StandardError, StringComparison.Ordinal);
        Assert.Contains("--ca-file", push.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, download.ExitCode);
        Assert.Contains($"https://{Registry.Address}/v2/reproget/debs/blobs/sha256:", download.StandardError, StringComparison.Ordinal);
        Assert.Contains("TLS failed", download.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_ca_file_is_named_before_anything_is_sent()
    {
        using var workspace = await Workspace.CreateAsync();
        var missing = Path.Combine(_certificates.Path, "no-such-ca.pem");

        using var push = await workspace.PushAsync(Repository + ":v1", "--ca-file", missing);

        Assert.Equal(1, push.ExitCode);
        Assert.Contains($"the CA file \"{missing}\" does not exist", push.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ca_file_without_certificates_is_named_in_the_tls_failure()
    {
        using var workspace = await Workspace.CreateAsync();
        var garbage = Path.Combine(_certificates.Path, "garbage.pem");
        await File.WriteAllTextAsync(garbage, "this is not a certificate\n");

        using var download = await workspace.DownloadAsync(workspace.NewCache("fresh"), Repository, "--ca-file", garbage);

        Assert.Equal(1, download.ExitCode);
        Assert.Contains("TLS failed", download.StandardError, StringComparison.Ordinal);
        Assert.Contains($"the CA file \"{garbage}\" holds no PEM certificate", download.StandardError, StringComparison.Ordinal);
    }
}
