using System.Security.Cryptography;
using ReproGet.Core.Attestations;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.TestKit;

namespace ReproGet.Core.Tests.Attestations;

/// <summary>Real rebuilderd attestations (reproduce.debian.net, reproducible.archlinux.org) with the instances' own keys.</summary>
public sealed class InTotoLinkFixtureTests
{
    private static InTotoLink Link(string name) =>
        InTotoLink.Parse(File.ReadAllBytes(FixturePath.Get("rebuilders", name)), name);

    private static Ed25519PublicKey Key(string name) => Ed25519PublicKey.FromFile(FixturePath.Get("rebuilders", name));

    private static Sha256Digest HashOf(string name) =>
        Sha256Digest.FromBytes(SHA256.HashData(File.ReadAllBytes(FixturePath.Get("rebuilders", name))));

    [Fact]
    public void TheDebianLinkVerifiesWithTheInstanceKeyAndAttestsTheFixtureDeb()
    {
        var link = Link("librust-as-slice-dev_0.2.1-1+b2_amd64.in-toto.link");

        Assert.True(link.IsSignedBy(Key("reproduce-debian-net-amd64.pub")));
        Assert.Equal(2, link.SignatureCount);
        Assert.True(link.Attests(HashOf("librust-as-slice-dev_0.2.1-1+b2_amd64.deb")));
        Assert.Equal("rebuild librust-as-slice-dev_0.2.1-1+b2_amd64.deb", link.Name);
    }

    [Fact]
    public void TheArchLinkVerifiesWithTheInstanceKeyAndAttestsTheFixturePackage()
    {
        var link = Link("filesystem-2025.10.12-1-any.in-toto.link");

        Assert.True(link.IsSignedBy(Key("reproducible-archlinux.pub")));
        Assert.True(link.Attests(HashOf("filesystem-2025.10.12-1-any.pkg.tar.zst")));
        Assert.False(link.Attests(HashOf("librust-as-slice-dev_0.2.1-1+b2_amd64.deb")));
    }

    [Fact]
    public void TheInvalidLinkIsRejectedAndKeysDoNotCrossVerify()
    {
        Assert.False(Link("filesystem-2025.10.12-1-any.INVALID.in-toto.link").IsSignedBy(Key("reproducible-archlinux.pub")));
        Assert.False(Link("filesystem-2025.10.12-1-any.in-toto.link").IsSignedBy(Key("reproduce-debian-net-amd64.pub")));
        Assert.False(Link("librust-as-slice-dev_0.2.1-1+b2_amd64.in-toto.link").IsSignedBy(Key("reproducible-archlinux.pub")));
    }

    [Fact]
    public void TheExplicitNullParameterIsReadAndTheRawKeyIsTheLast32Bytes()
    {
        var pem = File.ReadAllText(FixturePath.Get("rebuilders", "reproducible-archlinux.pub"));
        var der = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))).Trim());

        var key = Key("reproducible-archlinux.pub");

        Assert.Equal(46, der.Length); // 44 for RFC 8410's form: the extra 2 bytes are the NULL
        Assert.Equal(der[^32..], key.Raw);
        Assert.Equal(44, key.SubjectPublicKeyInfo.Length);
    }

    [Fact]
    public void ANonEd25519KeyIsRefusedWithItsAlgorithm()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportSubjectPublicKeyInfoPem();

        var error = Assert.Throws<ReproGetException>(() => Ed25519PublicKey.FromPem(pem, "key \"rsa.pub\""));

        Assert.Contains("1.2.840.113549.1.1.1", error.Message, StringComparison.Ordinal);
    }
}
