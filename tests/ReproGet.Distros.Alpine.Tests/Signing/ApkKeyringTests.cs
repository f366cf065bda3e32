using ReproGet.Distros.Alpine.Signing;
using ReproGet.Formats.Apk;
using ReproGet.TestKit;

namespace ReproGet.Distros.Alpine.Tests.Signing;

public sealed class ApkKeyringTests
{
    // Offset 667 starts the signed member of the v3.16 index; bytes 4..7 of a gzip header are its MTIME, which no
    // decompressor checks, so changing one leaves the index readable and only the signature can notice.
    private const int V316SignedMtimeByte = 667 + 5;

    private static async Task<ApkIndexFile> ReadIndexAsync(byte[] bytes) =>
        await ApkIndexReader.ReadAsync(new MemoryStream(bytes), "APKINDEX.tar.gz", CancellationToken.None);

    private static async Task<ApkPackageFile> ReadPackageAsync(string path) =>
        await ApkPackageReader.ReadAsync(new MemoryStream(await File.ReadAllBytesAsync(path)), Path.GetFileName(path), CancellationToken.None);

    [Fact]
    public async Task The_real_v316_index_verifies_with_alpines_key()
    {
        using var keys = AlpineFixtures.KeysDirectory(AlpineFixtures.Key6165ee59);
        using var keyring = ApkKeyring.Load(keys.Path);
        var index = await ReadIndexAsync(await File.ReadAllBytesAsync(AlpineFixtures.V316Index));
        keyring.VerifyIndex(index, "v3.16 index");
    }

    [Fact]
    public async Task The_real_v317_index_verifies_with_the_aarch64_key()
    {
        using var keys = AlpineFixtures.KeysDirectory(AlpineFixtures.Key616ae350, AlpineFixtures.Key4a6a0840);
        using var keyring = ApkKeyring.Load(keys.Path);
        keyring.VerifyIndex(await ReadIndexAsync(await File.ReadAllBytesAsync(AlpineFixtures.V317Index)), "v3.17 index");
        Assert.Equal([AlpineFixtures.Key4a6a0840, AlpineFixtures.Key616ae350], keyring.KeyNames);
    }

    [Fact]
    public async Task One_changed_byte_in_the_signed_part_fails_the_signature()
    {
        using var keys = AlpineFixtures.KeysDirectory(AlpineFixtures.Key6165ee59);
        using var keyring = ApkKeyring.Load(keys.Path);
        var bytes = await File.ReadAllBytesAsync(AlpineFixtures.V316Index);
        bytes[V316SignedMtimeByte] ^= 0x01;
        var index = await ReadIndexAsync(bytes);
        Assert.Equal(4929, index.Packages.Count);

        var error = Assert.Throws<ApkVerificationException>(() => keyring.VerifyIndex(index, "v3.16 index"));
        Assert.Contains("BAD signature by alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub", error.Message);
    }

    [Fact]
    public async Task Another_key_under_the_signers_name_fails_the_signature()
    {
        using var keys = AlpineFixtures.KeysDirectory((AlpineFixtures.Key(AlpineFixtures.Key616ae350), AlpineFixtures.Key6165ee59));
        using var keyring = ApkKeyring.Load(keys.Path);
        var index = await ReadIndexAsync(await File.ReadAllBytesAsync(AlpineFixtures.V316Index));
        Assert.Throws<ApkVerificationException>(() => keyring.VerifyIndex(index, "v3.16 index"));
    }

    [Fact]
    public async Task Without_the_signers_key_the_index_is_refused_naming_the_key()
    {
        using var keys = AlpineFixtures.KeysDirectory(AlpineFixtures.Key616ae350, AlpineFixtures.Key4a6a0840);
        using var keyring = ApkKeyring.Load(keys.Path);
        var index = await ReadIndexAsync(await File.ReadAllBytesAsync(AlpineFixtures.V316Index));
        var error = Assert.Throws<ApkVerificationException>(() => keyring.VerifyIndex(index, "v3.16 index"));
        Assert.Contains("6165ee59", error.Message);
        Assert.Contains(keys.Path, error.Message);
    }

    [Theory]
    [InlineData("rsa256-signed", "test-rsa256.rsa.pub")]
    [InlineData("melange-x86_64", "melange.rsa.pub")]
    public async Task Rsa256_test_indexes_verify(string directory, string key)
    {
        using var keys = AlpineFixtures.KeysDirectory((FixturePath.Get("alpine", "test-indexes", directory, key), key));
        using var keyring = ApkKeyring.Load(keys.Path);
        var index = await ReadIndexAsync(await File.ReadAllBytesAsync(FixturePath.Get("alpine", "test-indexes", directory, "APKINDEX.tar.gz")));
        Assert.Equal(System.Security.Cryptography.HashAlgorithmName.SHA256, index.Signatures.Single().Hash);
        keyring.VerifyIndex(index, directory);
    }

    [Fact]
    public async Task A_multi_signature_index_verifies_with_any_one_of_its_keys()
    {
        var keyFiles = Directory.GetFiles(FixturePath.Get("alpine", "test-indexes", "multisig", "keys"));
        Assert.Equal(3, keyFiles.Length);
        var index = await ReadIndexAsync(await File.ReadAllBytesAsync(FixturePath.Get("alpine", "test-indexes", "multisig", "APKINDEX.tar.gz")));
        foreach (var keyFile in keyFiles)
        {
            using var keys = AlpineFixtures.KeysDirectory((keyFile, Path.GetFileName(keyFile)));
            using var keyring = ApkKeyring.Load(keys.Path);
            keyring.VerifyIndex(index, "multisig");
        }
        using var none = AlpineFixtures.KeysDirectory(AlpineFixtures.Key616ae350);
        using var wrong = ApkKeyring.Load(none.Path);
        Assert.Throws<ApkVerificationException>(() => wrong.VerifyIndex(index, "multisig"));
    }

    [Fact]
    public async Task The_real_package_verifies_only_with_its_own_key()
    {
        var package = await ReadPackageAsync(AlpineFixtures.BaseLayout);
        using (var keys = AlpineFixtures.KeysDirectory(AlpineFixtures.Key616ae350))
        using (var keyring = ApkKeyring.Load(keys.Path))
        {
            keyring.VerifyPackage(package, "baselayout");
        }
        foreach (var other in new[] { AlpineFixtures.Key6165ee59, AlpineFixtures.Key4a6a0840 })
        {
            using var keys = AlpineFixtures.KeysDirectory((AlpineFixtures.Key(other), AlpineFixtures.Key616ae350));
            using var keyring = ApkKeyring.Load(keys.Path);
            var error = Assert.Throws<ApkVerificationException>(() => keyring.VerifyPackage(package, "baselayout"));
            Assert.Contains("BAD signature", error.Message);
        }
    }

    [Fact]
    public async Task Rsa256_signed_packages_verify()
    {
        using var keys = AlpineFixtures.KeysDirectory((FixturePath.Get("alpine", "test-indexes", "melange-x86_64", "melange.rsa.pub"), "melange.rsa.pub"));
        using var keyring = ApkKeyring.Load(keys.Path);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(AlpineFixtures.Melange("replayout-1.0.0-r0.apk"))!, "*.apk"))
        {
            keyring.VerifyPackage(await ReadPackageAsync(file), file);
        }
    }

    [Fact]
    public async Task An_unsigned_package_is_refused()
    {
        using var keys = AlpineFixtures.KeysDirectory(AlpineFixtures.Key616ae350);
        using var keyring = ApkKeyring.Load(keys.Path);
        var package = await ReadPackageAsync(AlpineFixtures.Unsigned);
        var error = Assert.Throws<ApkVerificationException>(() => keyring.VerifyPackage(package, "hello"));
        Assert.Contains("not signed", error.Message);
    }

    [Fact]
    public async Task Data_changed_after_signing_is_refused_though_the_signature_holds()
    {
        using var keys = AlpineFixtures.KeysDirectory(AlpineFixtures.Key616ae350);
        using var keyring = ApkKeyring.Load(keys.Path);
        var bytes = await File.ReadAllBytesAsync(AlpineFixtures.BaseLayout);
        bytes[^100] ^= 0x01;
        var package = await ApkPackageReader.ReadAsync(new MemoryStream(bytes), "changed", CancellationToken.None);
        var error = Assert.Throws<ApkVerificationException>(() => keyring.VerifyPackage(package, "changed"));
        Assert.Contains("datahash", error.Message);
    }

    [Fact]
    public void A_missing_keys_directory_says_how_to_get_keys()
    {
        var error = Assert.Throws<Core.Errors.ReproGetException>(() => ApkKeyring.Load("/nonexistent/etc/apk/keys"));
        Assert.Contains("alpine-keys", error.Hint);
    }
}
