using ReproGet.Core.Distros;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Verify;
using ReproGet.TestKit;

namespace ReproGet.Distros.Alpine.Tests.Signing;

/// <summary>verify for Alpine on real signed packages (Alpine's own and melange test packages) and an unsigned one.</summary>
public sealed class ApkProvenanceVerifierTests
{
    [Fact]
    public async Task SignedPackagesVerifyAgainstTheirKeysAndTheOthersFailNamingWhy()
    {
        using var keys = new TempDirectory();
        File.Copy(FixturePath.Get("alpine", "keys", "alpine-devel@lists.alpinelinux.org-616ae350.rsa.pub"), keys.Combine("alpine-devel@lists.alpinelinux.org-616ae350.rsa.pub"));
        var real = Entry(FixturePath.Get("alpine", "packages", "alpine-baselayout-3.2.0-r23.apk"), "v3.17/main/aarch64/alpine-baselayout-3.2.0-r23.apk");
        var melange = Entry(FixturePath.Get("alpine", "packages", "test", "melange-x86_64", "replayout-1.0.0-r0.apk"), "x86_64/replayout-1.0.0-r0.apk");
        var unsigned = Entry(FixturePath.Get("alpine", "packages", "test", "unsigned", "hello-0.1.0-r0.apk"), "x86_64/hello-0.1.0-r0.apk");
        var paths = new Dictionary<Sha256Digest, string> { [real.Entry.Sha256] = real.Path, [melange.Entry.Sha256] = melange.Path, [unsigned.Entry.Sha256] = unsigned.Path };
        var distro = new AlpineDistro(Builders.AlpineTestRoot.Sources);

        var rows = await distro.Provenance!.VerifyAsync(new DistroContext("/", new RecordingLog()),
            new ProvenanceRequest([real.Entry, melange.Entry, unsigned.Entry], d => paths[d], [keys.Path]), default);

        Assert.Equal(VerificationStatus.Verified, rows[0].Status);
        Assert.Contains("616ae350", rows[0].Summary, StringComparison.Ordinal);
        Assert.Equal(VerificationStatus.Failed, rows[1].Status);
        Assert.Contains("melange.rsa.pub, and none of these keys is in", rows[1].Summary, StringComparison.Ordinal);
        Assert.Equal(VerificationStatus.Failed, rows[2].Status);
        Assert.Contains("is not signed", rows[2].Summary, StringComparison.Ordinal);
    }

    private static (LockEntry Entry, string Path) Entry(string path, string name) =>
        (new LockEntry(name, Sha256Hasher.HashBytes(File.ReadAllBytes(path))), path);
}
