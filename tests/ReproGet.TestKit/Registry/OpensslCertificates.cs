using ReproGet.Core.Processes;

namespace ReproGet.TestKit.Registry;

/// <summary>
/// Certificates made by the real <c>openssl</c> in a test's directory: a private CA with a server certificate for
/// 127.0.0.1/localhost (a registry with TLS), and self-signed signing certificates (a token service).
/// </summary>
public static class OpensslCertificates
{
    /// <summary>A CA (<c>ca.pem</c>) and a server certificate it signed, valid for 127.0.0.1 and localhost.</summary>
    public static async Task<(string CaCertificate, string Certificate, string Key)> CreateServerAsync(string directory)
    {
        var ca = Path.Combine(directory, "ca.pem");
        var caKey = Path.Combine(directory, "ca.key");
        await OpensslAsync("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey, "-out", ca, "-days", "2",
            "-subj", "/CN=ReproGet Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign").ConfigureAwait(false);
        var key = Path.Combine(directory, "server.key");
        var request = Path.Combine(directory, "server.csr");
        await OpensslAsync("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", request, "-subj", "/CN=127.0.0.1")
            .ConfigureAwait(false);
        var extensions = Path.Combine(directory, "server.ext");
        await File.WriteAllTextAsync(extensions, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n")
            .ConfigureAwait(false);
        var certificate = Path.Combine(directory, "server.pem");
        await OpensslAsync("x509", "-req", "-in", request, "-CA", ca, "-CAkey", caKey, "-CAcreateserial", "-out", certificate,
            "-days", "2", "-extfile", extensions).ConfigureAwait(false);
        return (ca, certificate, key);
    }

    /// <summary>A self-signed RSA certificate and its key, named <c>NAME.pem</c> and <c>NAME.key</c>.</summary>
    public static async Task<(string Certificate, string Key)> CreateSelfSignedAsync(string directory, string name)
    {
        var certificate = Path.Combine(directory, name + ".pem");
        var key = Path.Combine(directory, name + ".key");
        await OpensslAsync("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
            "-subj", $"/CN={name}").ConfigureAwait(false);
        return (certificate, key);
    }

    private static async Task OpensslAsync(params string[] arguments)
    {
        if (!File.Exists("/usr/bin/openssl"))
        {
            throw new InvalidOperationException("openssl is missing: install the Debian package openssl via scripts/bootstrap");
        }
        await ProcessRunner.RunAsync("/usr/bin/openssl", arguments, CancellationToken.None).ConfigureAwait(false);
    }
}
