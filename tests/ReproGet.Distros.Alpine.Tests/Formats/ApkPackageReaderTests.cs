using System.Security.Cryptography;
using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Tests.Formats;

public sealed class ApkPackageReaderTests
{
    // Values from fixtures/SOURCES.md, each checked there with openssl and Python's zlib.
    [Theory]
    [InlineData("alpine-baselayout-3.2.0-r23.apk", "alpine-baselayout", "3.2.0-r23", "aarch64", "Q1LLq2qDNrS/qRnhxQ3hsY/sHbQnc=",
        "1a3a8e47d2287da6d505d973412cee1ad64bcc17bc5995069e4e932055ecb0c4", 11012, ".SIGN.RSA.alpine-devel@lists.alpinelinux.org-616ae350.rsa.pub")]
    [InlineData("custom-ca-certs-1-1.0.0-r0.apk", "custom-ca-certs-1", "1.0.0-r0", "x86_64", "Q1L7EnY9Q9b23ejRHAmb0g09QaLEo=",
        "11dcde62711215a3ab43c7e7de3615a2807205575babd4a42db71987a89ec3d5", 6998, ".SIGN.RSA256.melange.rsa.pub")]
    [InlineData("custom-ca-certs-2-1.0.0-r0.apk", "custom-ca-certs-2", "1.0.0-r0", "x86_64", "Q1yXDHMYWZPTTipwenGmJ4rs1ZoQk=",
        "79117ce3bddc1912e76f88887010a7a52cf9cb8a627154c101042948e3fad2bb", 4548, ".SIGN.RSA256.melange.rsa.pub")]
    [InlineData("pretend-baselayout-1.0.0-r0.apk", "pretend-baselayout", "1.0.0-r0", "x86_64", "Q1m6wB0UFePGN8Drz82pC8y2uAiu8=",
        "72405aa6c68cbb910e6ff7b8122d6cda5ffe7593046a61e15266a827cc9e6708", 2930, ".SIGN.RSA256.melange.rsa.pub")]
    [InlineData("replayout-1.0.0-r0.apk", "replayout", "1.0.0-r0", "x86_64", "Q11/HhSewwwOXgl0r0ffb0O0BRtYc=",
        "ce688706f6aa287b05f02c507876b43389992b08fb4f84f99117bd5694e45d4c", 2961, ".SIGN.RSA256.melange.rsa.pub")]
    [InlineData("hello-0.1.0-r0.apk", "hello", "0.1.0-r0", "x86_64", "Q1DNWZeWkviN7MJedLpYM8yBvmnGM=",
        "1c6e256b3f9e0629730659382a81f82d4ac81b0f04fc9e70a6b1b5c653989911", 499, null)]
    public async Task Real_packages_read_as_documented(string file, string name, string version, string arch, string checksum,
        string dataSha256, long length, string? signatureEntry)
    {
        var path = file switch
        {
            "alpine-baselayout-3.2.0-r23.apk" => AlpineFixtures.BaseLayout,
            "hello-0.1.0-r0.apk" => AlpineFixtures.Unsigned,
            _ => AlpineFixtures.Melange(file),
        };
        await using var stream = File.OpenRead(path);
        var package = await ApkPackageReader.ReadAsync(stream, path, CancellationToken.None);

        Assert.Equal(name, package.PkgInfo.Name);
        Assert.Equal(version, package.PkgInfo.Version);
        Assert.Equal(arch, package.PkgInfo.Architecture);
        Assert.Equal(checksum, package.Checksum.ToString());
        Assert.Equal(dataSha256, package.DataSha256);
        Assert.True(package.DataMatchesControl);
        Assert.Equal(length, package.Length);
        Assert.Equal(signatureEntry, package.Signatures.SingleOrDefault()?.EntryName);
        if (signatureEntry is not null)
        {
            Assert.Equal(signatureEntry.Contains("RSA256") ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1, package.Signatures[0].Hash);
            Assert.Equal(512, package.Signatures[0].Value.Length);
        }
    }

    [Fact]
    public async Task The_real_package_lists_its_dependencies_in_pkginfo()
    {
        await using var stream = File.OpenRead(AlpineFixtures.BaseLayout);
        var package = await ApkPackageReader.ReadAsync(stream, "baselayout", CancellationToken.None);
        Assert.Equal(["alpine-baselayout-data=3.2.0-r23", "/bin/sh", "so:libc.musl-aarch64.so.1"],
            package.PkgInfo.Fields.Where(f => f.Key == "depend").Select(f => f.Value));
    }

    [Fact]
    public async Task Changed_data_no_longer_matches_the_control_data()
    {
        var bytes = await File.ReadAllBytesAsync(AlpineFixtures.BaseLayout);
        bytes[^100] ^= 0x01;
        var package = await ApkPackageReader.ReadAsync(new MemoryStream(bytes), "changed", CancellationToken.None);
        Assert.False(package.DataMatchesControl);
        Assert.Equal("Q1LLq2qDNrS/qRnhxQ3hsY/sHbQnc=", package.Checksum.ToString());
    }

    [Fact]
    public async Task A_package_cut_after_its_control_member_is_refused()
    {
        var bytes = (await File.ReadAllBytesAsync(AlpineFixtures.BaseLayout))[..2229];
        var error = await Assert.ThrowsAsync<ApkFormatException>(
            () => ApkPackageReader.ReadAsync(new MemoryStream(bytes), "cut.apk", CancellationToken.None));
        Assert.Contains("no data member", error.Message);
    }
}
