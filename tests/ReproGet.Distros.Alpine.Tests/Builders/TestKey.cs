using System.Security.Cryptography;

namespace ReproGet.Distros.Alpine.Tests.Builders;

/// <summary>A throwaway RSA signing key, named as apk names keys (<c>&lt;name&gt;.rsa.pub</c>).</summary>
internal sealed class TestKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestKey(string name) => Name = name + ".rsa.pub";

    public string Name { get; }

    public string PublicPem => _rsa.ExportSubjectPublicKeyInfoPem();

    public byte[] Sign(byte[] data, HashAlgorithmName hash) => _rsa.SignData(data, hash, RSASignaturePadding.Pkcs1);

    /// <summary>Writes the public key into a keys directory; returns its path.</summary>
    public string WriteTo(string keysDirectory)
    {
        Directory.CreateDirectory(keysDirectory);
        var path = Path.Combine(keysDirectory, Name);
        File.WriteAllText(path, PublicPem);
        return path;
    }

    public void Dispose() => _rsa.Dispose();
}
