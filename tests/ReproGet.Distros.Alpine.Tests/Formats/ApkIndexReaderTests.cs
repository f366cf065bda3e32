using System.Text;
using ReproGet.Formats.Apk;
using ReproGet.TestKit;

namespace ReproGet.Distros.Alpine.Tests.Formats;

public sealed class ApkIndexReaderTests
{
    [Theory]
    [InlineData("v3.16-main-x86_64", 4929, "alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub", "x86_64")]
    [InlineData("v3.17-main-aarch64", 5004, "alpine-devel@lists.alpinelinux.org-616ae350.rsa.pub", "aarch64")]
    public async Task Official_indexes_read_whole(string directory, int packages, string signer, string arch)
    {
        var path = FixturePath.Get("alpine", directory, "APKINDEX.tar.gz");
        await using var stream = File.OpenRead(path);
        var index = await ApkIndexReader.ReadAsync(stream, path, CancellationToken.None);

        Assert.Equal(packages, index.Packages.Count);
        Assert.Equal(signer, index.Signatures.Single().KeyName);
        Assert.NotNull(index.SignedDigests);
        Assert.All(index.Packages, p => Assert.NotNull(p.Checksum));
        Assert.All(index.Packages.Where(p => p.Architecture != "noarch"), p => Assert.Equal(arch, p.Architecture));
    }

    [Fact]
    public async Task The_v316_index_has_its_description_and_the_neofetch_example_packages()
    {
        await using var stream = File.OpenRead(AlpineFixtures.V316Index);
        var index = await ApkIndexReader.ReadAsync(stream, "v3.16", CancellationToken.None);

        var description = await File.ReadAllTextAsync(FixturePath.Get("alpine", "v3.16-main-x86_64", "DESCRIPTION"));
        Assert.Equal(description.Trim(), index.Description);
        var bash = index.Packages.Single(p => p.Name == "bash");
        Assert.Equal("5.1.16-r2", bash.Version);
        Assert.Equal("Q1owNdUcG0hf9pE5c2MbsYhrwqQGE=", bash.Checksum.ToString());
        Assert.Equal(435099, bash.Size);
        Assert.Equal("bash-5.1.16-r2.apk", bash.FileName);
        Assert.Contains(index.Packages, p => p.FileName == "readline-8.1.2-r0.apk");
        Assert.Contains(index.Packages, p => p.FileName == "ncurses-terminfo-base-6.3_p20220521-r0.apk");
    }

    [Fact]
    public async Task The_extracted_excerpt_reads_the_same_as_the_index()
    {
        await using var stream = File.OpenRead(AlpineFixtures.V316Index);
        var index = await ApkIndexReader.ReadAsync(stream, "v3.16", CancellationToken.None);
        using var excerptText = new StreamReader(FixturePath.Get("alpine", "v3.16-main-x86_64", "APKINDEX.excerpt"), Encoding.UTF8);
        var excerpt = await ApkStanzaReader.ReadAllAsync(excerptText, "excerpt", CancellationToken.None);

        Assert.Equal(12, excerpt.Count);
        foreach (var stanza in excerpt)
        {
            var full = index.Packages.Single(p => p.Name == stanza.Name);
            Assert.Equal(stanza.Fields, full.Fields);
        }
    }

    [Fact]
    public async Task A_multi_signature_index_lists_every_signature()
    {
        var path = FixturePath.Get("alpine", "test-indexes", "multisig", "APKINDEX.tar.gz");
        await using var stream = File.OpenRead(path);
        var index = await ApkIndexReader.ReadAsync(stream, path, CancellationToken.None);
        Assert.Equal(3, index.Signatures.Count);
        Assert.All(index.Signatures, s => Assert.StartsWith("chainguard-", s.KeyName));
        Assert.Equal(16, index.Packages.Count);
        Assert.Equal("", index.Description);
    }

    [Fact]
    public async Task The_rsa256_test_index_names_the_real_package_file()
    {
        var path = FixturePath.Get("alpine", "test-indexes", "rsa256-signed", "APKINDEX.tar.gz");
        await using var stream = File.OpenRead(path);
        var index = await ApkIndexReader.ReadAsync(stream, path, CancellationToken.None);
        await using var packageStream = File.OpenRead(AlpineFixtures.BaseLayout);
        var package = await ApkPackageReader.ReadAsync(packageStream, "baselayout", CancellationToken.None);

        var stanza = Assert.Single(index.Packages);
        Assert.Equal(package.Checksum, stanza.Checksum);
        Assert.Equal(package.Length, stanza.Size);
        Assert.Equal("test-rsa256.rsa.pub", index.Signatures.Single().KeyName);
    }

    [Fact]
    public async Task An_index_whose_compressed_data_is_damaged_is_a_format_error()
    {
        var bytes = await File.ReadAllBytesAsync(AlpineFixtures.V316Index);
        bytes[300_000] ^= 0xff;
        await Assert.ThrowsAnyAsync<Core.Errors.ReproGetException>(
            () => ApkIndexReader.ReadAsync(new MemoryStream(bytes), "damaged", CancellationToken.None));
    }
}
