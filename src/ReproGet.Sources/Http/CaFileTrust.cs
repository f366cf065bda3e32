using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ReproGet.Core.Errors;

namespace ReproGet.Sources.Http;

/// <summary>
/// Trusts the certificates of a PEM bundle (<c>--ca-file</c>, <c>SSL_CERT_FILE</c>) as roots, in addition to the
/// system's: a registry or mirror with a private CA then works without touching the system trust store.
/// The host name must still match; only an unknown root is forgiven. The bundle is read the first time a server's
/// chain needs it: <c>SSL_CERT_FILE</c> often names the whole system bundle, and parsing its ~140 certificates cost
/// 40 ms of every run here, plain-http runs included.
/// </summary>
internal sealed class CaFileTrust
{
    private const string Hint = "pass a PEM file of CA certificates (-----BEGIN CERTIFICATE-----) with --ca-file (or SSL_CERT_FILE)";

    private readonly Lazy<X509Certificate2Collection> _roots;

    private CaFileTrust(string path) => _roots = new(() => Load(path));

    /// <summary>Checks now that the file exists; its certificates are read on first need.</summary>
    public static CaFileTrust Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new ReproGetException($"the CA file \"{path}\" does not exist", Hint);
        }
        return new CaFileTrust(path);
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false;
        }
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        // A bad bundle throws here; the TLS failure then carries its message.
        custom.ChainPolicy.CustomTrustStore.AddRange(_roots.Value);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }

    private static X509Certificate2Collection Load(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ReproGetException($"cannot read the CA file \"{path}\": {e.Message}", Hint, e);
        }
        if (roots.Count == 0)
        {
            throw new ReproGetException($"the CA file \"{path}\" holds no PEM certificate", Hint);
        }
        return roots;
    }
}
