using System.Diagnostics;
using System.Text;

namespace ReproGet.TestKit.Registry;

/// <summary>
/// The real CNCF distribution registry from Debian's <c>docker-registry</c> package, serving on 127.0.0.1 from a
/// temporary filesystem store, configured by a <see cref="RegistrySetup"/>. Killed and removed on dispose.
/// </summary>
public sealed class DockerRegistry : IAsyncDisposable
{
    public const string Binary = "/usr/bin/docker-registry";

    private readonly Process _process;
    private readonly TempDirectory _directory;

    private DockerRegistry(Process process, TempDirectory directory, int port, bool tls)
    {
        _process = process;
        _directory = directory;
        Port = port;
        Address = $"127.0.0.1:{port}";
        BaseUrl = $"{(tls ? "https" : "http")}://{Address}";
    }

    public int Port { get; }

    /// <summary><c>127.0.0.1:PORT</c>, as a registry is named in references and auth files.</summary>
    public string Address { get; }

    public string BaseUrl { get; }

    /// <summary>The filesystem driver's root directory.</summary>
    public string StorageRoot => _directory.Combine("storage");

    public string Log => File.Exists(_directory.Combine("registry.log")) ? File.ReadAllText(_directory.Combine("registry.log")) : "";

    /// <summary>Where the registry keeps the bytes of blob <paramref name="hex"/> (to corrupt it in a test).</summary>
    public string BlobDataPath(string hex) =>
        Path.Combine(StorageRoot, "docker", "registry", "v2", "blobs", "sha256", hex[..2], hex, "data");

    public static async Task<DockerRegistry> StartAsync(RegistrySetup? setup = null)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install the Debian package docker-registry via scripts/bootstrap");
        }
        setup ??= new RegistrySetup();
        var directory = new TempDirectory();
        var port = FreePort.Next();
        var config = directory.WriteFile("config.yml", Config(setup, port, directory.Combine("storage")));
        var log = directory.Combine("registry.log");
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        // The registry logs to stderr; a file keeps it for a failing test's message without a reader thread.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec {Binary} serve \"$1\" >\"$2\" 2>&1");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(config);
        info.ArgumentList.Add(log);
        var process = Process.Start(info)!;
        var registry = new DockerRegistry(process, directory, port, setup.Tls is not null);
        if (!await FreePort.WaitForListenerAsync(port, () => !process.HasExited, TimeSpan.FromSeconds(30)).ConfigureAwait(false))
        {
            var text = registry.Log;
            await registry.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"docker-registry did not start on port {port}:\n{text}");
        }
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        _process.Dispose();
        _directory.Dispose();
    }

    private static string Config(RegistrySetup setup, int port, string storage)
    {
        var text = new StringBuilder($"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {storage}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
              secret: reproget-test-secret

            """);
        if (setup.Tls is { } tls)
        {
            text.Append($"""
                  tls:
                    certificate: {tls.Certificate}
                    key: {tls.Key}

                """);
        }
        if (setup.HtpasswdFile is { } htpasswd)
        {
            text.Append($"""
                auth:
                  htpasswd:
                    realm: reproget-test
                    path: {htpasswd}

                """);
        }
        else if (setup.TokenRealm is { } realm)
        {
            text.Append($"""
                auth:
                  token:
                    realm: {realm}
                    service: {setup.TokenService}
                    issuer: {setup.TokenIssuer}
                    rootcertbundle: {setup.TokenRootCertificates}

                """);
        }
        if (setup.RedirectBaseUrl is { } redirect)
        {
            text.Append($"""
                middleware:
                  storage:
                    - name: redirect
                      options:
                        baseurl: {redirect}

                """);
        }
        return text.ToString();
    }
}
