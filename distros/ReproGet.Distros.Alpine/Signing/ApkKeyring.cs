using System.Security.Cryptography;
using ReproGet.Core.Errors;
using ReproGet.Distros.Alpine.Configuration;
using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Signing;

/// <summary>
/// The RSA public keys apk trusts (every PEM file in <c>/etc/apk/keys</c>, named by its file name) and the checks
/// apk makes with them, done with .NET's own RSA: a signature names its key by file name; at least one signature
/// must be by a known key, and every signature by a known key must verify.
/// </summary>
public sealed class ApkKeyring : IDisposable
{
    private readonly Dictionary<string, RSA> _keys;

    private ApkKeyring(string directory, Dictionary<string, RSA> keys)
    {
        Directory = directory;
        _keys = keys;
    }

    public string Directory { get; }

    public IEnumerable<string> KeyNames => _keys.Keys.Order(StringComparer.Ordinal);

    public static ApkKeyring Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new ReproGetException($"no apk keys directory \"{directory}\"",
                $"install Alpine's keys (package alpine-keys) in the root, or set {AlpineRoot.KeysDirectoryVariable} to a directory of *.rsa.pub keys");
        }
        var keys = new Dictionary<string, RSA>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.EnumerateFiles(directory))
        {
            var rsa = RSA.Create();
            try
            {
                rsa.ImportFromPem(File.ReadAllText(file));
                keys[Path.GetFileName(file)] = rsa;
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                // Not a PEM public key (a README, a stray file): apk skips those too.
                rsa.Dispose();
            }
        }
        return new ApkKeyring(directory, keys);
    }

    public void VerifyIndex(ApkIndexFile index, string what)
    {
        if (index.SignedDigests is null)
        {
            throw new ApkVerificationException($"{what} is not signed",
                "Alpine signs every repository index; an unsigned one cannot be trusted for locking");
        }
        Verify(index.Signatures, index.SignedDigests, what);
    }

    /// <summary>The signature over the control member, and the data member against the control's <c>datahash</c>.</summary>
    public void VerifyPackage(ApkPackageFile package, string what)
    {
        Verify(package.Signatures, package.SignedDigests, what);
        if (!package.DataMatchesControl)
        {
            throw new ApkVerificationException(
                $"{what}: the data does not match the signed control data (datahash {package.PkgInfo.DataHash ?? "missing"}, data sha256 {package.DataSha256})",
                "the file was altered after it was signed; do not install it, fetch it again from a trusted mirror");
        }
    }

    private void Verify(IReadOnlyList<ApkSignature> signatures, ApkSignedDigests digests, string what)
    {
        if (signatures.Count == 0)
        {
            throw new ApkVerificationException($"{what} is not signed",
                "Alpine's packages and indexes are signed; repro-get, like apk without --allow-untrusted, refuses unsigned ones");
        }
        var known = signatures.Where(s => _keys.ContainsKey(s.KeyName)).ToList();
        if (known.Count == 0)
        {
            throw new ApkVerificationException(
                $"{what} is signed by {string.Join(", ", signatures.Select(s => s.KeyName))}, and none of these keys is in \"{Directory}\"",
                $"add the signer's public key to \"{Directory}\" (Alpine's are in the alpine-keys package), or set {AlpineRoot.KeysDirectoryVariable}");
        }
        foreach (var signature in known)
        {
            var valid = _keys[signature.KeyName].VerifyHash(digests.For(signature.Hash), signature.Value, signature.Hash, RSASignaturePadding.Pkcs1);
            if (!valid)
            {
                throw new ApkVerificationException($"{what}: BAD signature by {signature.KeyName}",
                    "the file was altered or signed by another key of that name; do not install it");
            }
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
