using ReproGet.Distros.Debian.Provenance;
using ReproGet.TestKit.Signing;

namespace ReproGet.Distros.Debian.Tests.Provenance;

/// <summary>The whole chain on real bookworm-updates data, and each tampering case refused with its broken link named.</summary>
[Trait("Category", "Integration")]
public sealed class ChainVerifierTests
{
    private static readonly (string, Core.Hashing.Sha256Digest) Openssh = ChainFixture.Entry(ChainFixture.OpensshClient, ChainFixture.OpensshClientSha);

    [Fact]
    public async Task EveryLinkOfTheRealChainHolds()
    {
        using var fixture = new ChainFixture();

        var report = await ChainVerifier.VerifyAsync(fixture.RealChain(), [Openssh], ChainFixture.DebianKeys, default);

        var entry = Assert.Single(report.Entries);
        Assert.Equal(ProofStatus.Verified, entry.Status);
        Assert.Equal(ChainFixture.Suite, entry.Suite);
        Assert.Equal(ChainFixture.IndexName, entry.Index);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 2, 11, 10, TimeSpan.Zero), entry.ReleaseDate);
        Assert.Contains("Debian", entry.Signer!.Uid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAChainAnEntryIsUnproven()
    {
        var report = await ChainVerifier.VerifyAsync([], [Openssh], ChainFixture.DebianKeys, default);

        Assert.Equal(ProofStatus.Unproven, Assert.Single(report.Entries).Status);
        Assert.False(report.HasChain);
    }

    [Fact]
    public async Task AnIndexEditedByOneByteBreaksTheIndexLink()
    {
        using var fixture = new ChainFixture();
        var index = ChainFixture.IndexBytes;
        var at = Array.IndexOf(index, (byte)'\n', 100) + 1;
        index[at + 2] ^= 0x20; // one byte of a field name's case
        var chain = new[] { fixture.Proof(ChainFixture.InReleaseName, ChainFixture.InReleaseBytes), fixture.Proof(ChainFixture.IndexName, index) };

        var entry = Assert.Single((await ChainVerifier.VerifyAsync(chain, [Openssh], ChainFixture.DebianKeys, default)).Entries);

        Assert.Equal(ProofStatus.Failed, entry.Status);
        Assert.Equal(ChainLink.Index, entry.BrokenLink);
        Assert.Contains("the Release lists main/binary-amd64/Packages with sha256 80a1f6ee", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInReleaseResignedWithAKeyNotInTheKeyringBreaksTheSignatureLink()
    {
        using var fixture = new ChainFixture();
        using var rogue = new GpgTestKey("Rogue Archive <rogue@example.invalid>");
        var chain = new[] { fixture.Proof(ChainFixture.InReleaseName, rogue.ClearSign(ChainFixture.SignedText())), fixture.Proof(ChainFixture.IndexName, ChainFixture.IndexBytes) };

        var entry = Assert.Single((await ChainVerifier.VerifyAsync(chain, [Openssh], ChainFixture.DebianKeys, default)).Entries);

        Assert.Equal(ProofStatus.Failed, entry.Status);
        Assert.Equal(ChainLink.Signature, entry.BrokenLink);
        Assert.Contains("not in the keyring", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APackageLineNoIndexListsBreaksTheEntryLink()
    {
        using var fixture = new ChainFixture();
        var added = ChainFixture.Entry("pool/main/h/hello/hello_2.10-2_amd64.deb", "35b1508eeee9c1dfba798c4c04304ef0f266990f936a51f165571edf53325cbc");

        var entry = Assert.Single((await ChainVerifier.VerifyAsync(fixture.RealChain(), [added], ChainFixture.DebianKeys, default)).Entries);

        Assert.Equal(ProofStatus.Failed, entry.Status);
        Assert.Equal(ChainLink.Entry, entry.BrokenLink);
        Assert.Contains("no index in the lock lists pool/main/h/hello/hello_2.10-2_amd64.deb", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIndexListedUnderTheWrongSuiteBreaksTheIndexLink()
    {
        using var fixture = new ChainFixture();
        var chain = new[]
        {
            fixture.Proof(ChainFixture.InReleaseName, ChainFixture.InReleaseBytes),
            fixture.Proof("dists/bookworm-security/InRelease", File.ReadAllBytes(TestKit.FixturePath.Get("debian", "bookworm-security_InRelease"))),
            fixture.Proof("dists/bookworm-security/main/binary-amd64/Packages", ChainFixture.IndexBytes),
        };

        var report = await ChainVerifier.VerifyAsync(chain, [Openssh], ChainFixture.DebianKeys, default);

        Assert.All(report.Suites, s => Assert.True(s.Check.IsValid, s.Check.Failure));
        var entry = Assert.Single(report.Entries);
        Assert.Equal(ProofStatus.Failed, entry.Status);
        Assert.Equal(ChainLink.Index, entry.BrokenLink);
        Assert.Contains("dists/bookworm-security/main/binary-amd64/Packages: the Release lists main/binary-amd64/Packages with sha256", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInReleaseUnderAnotherSuitesNameBreaksTheSignatureLink()
    {
        using var fixture = new ChainFixture();
        var chain = new[] { fixture.Proof("dists/bookworm/InRelease", ChainFixture.InReleaseBytes), fixture.Proof("dists/bookworm/main/binary-amd64/Packages", ChainFixture.IndexBytes) };

        var entry = Assert.Single((await ChainVerifier.VerifyAsync(chain, [Openssh], ChainFixture.DebianKeys, default)).Entries);

        Assert.Equal(ChainLink.Signature, entry.BrokenLink);
        Assert.Contains("is the Release of bookworm-updates, not of bookworm", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APackageLineSwappedForAnotherRealPackagesHashBreaksTheEntryLink()
    {
        using var fixture = new ChainFixture();
        var swapped = ChainFixture.Entry(ChainFixture.OpensshClient, ChainFixture.CaCertificatesSha);

        var entry = Assert.Single((await ChainVerifier.VerifyAsync(fixture.RealChain(), [swapped], ChainFixture.DebianKeys, default)).Entries);

        Assert.Equal(ProofStatus.Failed, entry.Status);
        Assert.Equal(ChainLink.Entry, entry.BrokenLink);
        Assert.Contains($"lists {ChainFixture.OpensshClient} with sha256 {ChainFixture.OpensshClientSha}, the lock has {ChainFixture.CaCertificatesSha}", entry.Reason, StringComparison.Ordinal);
    }
}
