using System.Text;
using ReproGet.Distros.Debian.Provenance;
using ReproGet.TestKit;
using ReproGet.TestKit.Signing;

namespace ReproGet.Distros.Debian.Tests.Provenance;

/// <summary>gpgv on real Debian InRelease files and on InReleases signed with test keys made by the real gpg.</summary>
[Trait("Category", "Integration")]
public sealed class InReleaseVerifierTests
{
    [Fact]
    public async Task ARealInReleaseVerifiesWithDebiansKeysAndNamesTheSigner()
    {
        var check = await InReleaseVerifier.VerifyAsync(FixturePath.Get("debian", "bookworm-updates_InRelease"), ChainFixture.DebianKeys, null, default);

        Assert.True(check.IsValid, check.Failure);
        Assert.Contains("Debian Archive Automatic Signing Key", check.Signer!.Uid, StringComparison.Ordinal);
        Assert.Equal(40, check.Signer.Fingerprint.Length);
        Assert.Equal("bookworm-updates", check.Release!.Codename);
    }

    [Fact]
    public async Task TheRootsArchiveKeyringVerifiesThisMachinesLists()
    {
        var lists = Directory.GetFiles("/var/lib/apt/lists", "*_InRelease");
        Assert.NotEmpty(lists);
        var keys = TrustedKeys.ForRoot(new Core.Distros.DistroContext("/", new RecordingLog()));
        foreach (var list in lists.Where(l => l.Contains("debian", StringComparison.Ordinal)))
        {
            var check = await InReleaseVerifier.VerifyAsync(list, keys, null, default);
            Assert.True(check.IsValid, $"{list}: {check.Failure}");
        }
    }

    [Fact]
    public async Task AKeyNotInTheKeyringIsRefused()
    {
        using var dir = new TempDirectory();
        using var rogue = new GpgTestKey("Rogue Archive <rogue@example.invalid>");
        var path = dir.WriteFile("InRelease", rogue.ClearSign(ChainFixture.SignedText()));

        var check = await InReleaseVerifier.VerifyAsync(path, ChainFixture.DebianKeys, null, default);

        Assert.False(check.IsValid);
        Assert.Contains($"signed by key {rogue.Fingerprint}, which is not in the keyring", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneChangedByteInTheSignedTextIsABadSignature()
    {
        using var dir = new TempDirectory();
        var text = Encoding.UTF8.GetString(ChainFixture.InReleaseBytes).Replace("Date: Fri, 20 Nov", "Date: Sat, 20 Nov", StringComparison.Ordinal);
        var path = dir.WriteFile("InRelease", text);

        var check = await InReleaseVerifier.VerifyAsync(path, ChainFixture.DebianKeys, null, default);

        Assert.False(check.IsValid);
        Assert.Contains("BAD signature", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOldSignatureByAKeyThatExpiredSinceVerifiesAsOfItsOwnDateOnly()
    {
        using var dir = new TempDirectory();
        var created = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var key = new GpgTestKey("Old Archive <old@example.invalid>", created, created.AddYears(1));
        var keyring = TrustedKeys.FromFiles([key.ExportKeyring(dir.Combine("old.gpg"))]);
        var signedIn2020 = dir.WriteFile("old/InRelease", key.ClearSign("Origin: Test\nCodename: old\nDate: Wed, 01 Jul 2020 00:00:00 UTC\n"u8.ToArray(), created.AddMonths(6)));

        var asOfItsDate = await InReleaseVerifier.VerifyAsync(signedIn2020, keyring, null, default);
        var asOfToday = await InReleaseVerifier.VerifyAsync(signedIn2020, keyring, DateTimeOffset.UtcNow, default);
        var beforeItWasMade = await InReleaseVerifier.VerifyAsync(signedIn2020, keyring, created.AddMonths(3), default);

        Assert.True(asOfItsDate.IsValid, asOfItsDate.Failure);
        Assert.Equal(key.Fingerprint, asOfItsDate.Signer!.Fingerprint);
        Assert.Equal(new DateTimeOffset(2020, 7, 1, 0, 0, 0, TimeSpan.Zero), asOfItsDate.Release!.Date);
        Assert.Contains("expired 2021-01-01", asOfToday.Failure, StringComparison.Ordinal);
        Assert.Contains("was made 2020-07-01T00:00:00Z, after 2020-04-01T00:00:00Z", beforeItWasMade.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextOutsideTheSignedBlockIsNotRead()
    {
        using var dir = new TempDirectory();
        var forged = "Codename: bookworm-updates\nSHA256:\n 0000000000000000000000000000000000000000000000000000000000000000 1 main/binary-amd64/Packages\n\n"u8.ToArray();
        var path = dir.WriteFile("InRelease", [.. forged, .. ChainFixture.InReleaseBytes]);

        var check = await InReleaseVerifier.VerifyAsync(path, ChainFixture.DebianKeys, null, default);

        Assert.True(check.IsValid, check.Failure);
        Assert.Equal("80a1f6ee524222c49f230fc5700d00f946d0a47eb5258180106dd03df126e16a", check.Release!.Find("main/binary-amd64/Packages")!.Sha256.Hex);
    }
}
