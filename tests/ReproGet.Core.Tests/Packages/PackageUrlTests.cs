using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;

namespace ReproGet.Core.Tests.Packages;

public sealed class PackageUrlTests
{
    private const string Hex = "35b1508eeee9c1dfba798c4c04304ef0f266990f936a51f165571edf53325cbc";

    private static LockEntry Entry(string name) => new(name, Sha256Digest.Parse(Hex));

    [Theory]
    [InlineData("pool/main/h/hello/hello_2.10-2_amd64.deb", "pkg:deb/debian/hello@2.10-2?arch=amd64")]
    [InlineData("hello_1%3a2.10-2_amd64.deb", "pkg:deb/debian/hello@1:2.10-2?arch=amd64")]
    [InlineData("pool/main/g/gcc-12/libstdc++6_12.2.0-14_amd64.deb", "pkg:deb/debian/libstdc%2B%2B6@12.2.0-14?arch=amd64")]
    [InlineData("pool/main/o/openssl/libssl3_3.0.11-1~deb12u2_amd64.deb", "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64")]
    [InlineData("packages/bash/5.1/2.fc36/x86_64/bash-5.1-2.fc36.x86_64.rpm", "pkg:rpm/fedora/bash@5.1-2.fc36?arch=x86_64")]
    [InlineData("v3.16/main/x86_64/bash-5.1.16-r2.apk", "pkg:apk/alpine/bash@5.1.16-r2")]
    [InlineData("core/os/x86_64/zlib-1:1.2.13-1-x86_64.pkg.tar.zst", "pkg:alpm/arch/zlib@1:1.2.13-1?arch=x86_64")]
    [InlineData("neofetch-7.1.0-2-any.pkg.tar.zst", "pkg:alpm/arch/neofetch@7.1.0-2?arch=any")]
    public void LockEntriesMapToTheirPurl(string name, string purl) => Assert.Equal(purl, PackageUrl.For(Entry(name)));

    [Fact]
    public void TheDistroNamespaceIsUsedWhenKnown() =>
        Assert.Equal("pkg:deb/ubuntu/hello@2.10-2?arch=amd64", PackageUrl.For(Entry("hello_2.10-2_amd64.deb"), "Ubuntu"));

    [Fact]
    public void FilesThatAreNotPackagesBecomeGenericPurlsWithTheirChecksum() =>
        Assert.Equal($"pkg:generic/InRelease?checksum=sha256:{Hex}", PackageUrl.For(Entry("dists/bookworm/InRelease")));

    [Fact]
    public void QualifiersAreSortedAndReservedCharactersEncoded() =>
        Assert.Equal("pkg:generic/a%20b@1%2F2?arch=x%26y&distro=deb:12",
            PackageUrl.Build("generic", null, "a b", "1/2", [("distro", "deb:12"), ("ARCH", "x&y"), ("empty", "")]));
}
