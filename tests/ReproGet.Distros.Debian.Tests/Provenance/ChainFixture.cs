using System.Text;
using ReproGet.Core.Hashing;
using ReproGet.Distros.Debian.Provenance;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Provenance;

/// <summary>
/// The real bookworm-updates chain (InRelease signed by Debian's archive keys, its complete Packages index) laid out
/// in a temp directory as a lock's proof files, with helpers to break one link at a time.
/// </summary>
internal sealed class ChainFixture : IDisposable
{
    public const string Suite = "bookworm-updates";
    public const string InReleaseName = "dists/bookworm-updates/InRelease";
    public const string IndexName = "dists/bookworm-updates/main/binary-amd64/Packages";
    public const string OpensshClient = "pool/main/o/openssh/openssh-client_9.2p1-2+deb12u7_amd64.deb";
    public const string OpensshClientSha = "ebcf438221dabddee078bbdf79f1f126f345ed6e7f830662bf13ae1aece6b629";
    public const string CaCertificates = "pool/main/c/ca-certificates/ca-certificates_20230311+deb12u1_all.deb";
    public const string CaCertificatesSha = "0d5f444f594e48c1e16a41d8fc628a09b24c658916a1274025c2330f2a802bed";

    private readonly TempDirectory _directory = new();

    public static TrustedKeys DebianKeys => TrustedKeys.FromFiles(System.IO.Directory.GetFiles(FixturePath.Get("debian", "keys"), "*.asc").Order(StringComparer.Ordinal));

    public static byte[] InReleaseBytes => File.ReadAllBytes(FixturePath.Get("debian", "bookworm-updates_InRelease"));

    public static byte[] IndexBytes => File.ReadAllBytes(FixturePath.Get("debian", "bookworm-updates_main_binary-amd64_Packages"));

    public string Directory => _directory.Path;

    /// <summary>A proof file with these bytes under this lock name.</summary>
    public ProofFile Proof(string name, byte[] bytes) =>
        new(name, Sha256Hasher.HashBytes(bytes), _directory.WriteFile($"{Guid.NewGuid():N}/{Path.GetFileName(name)}", bytes));

    public List<ProofFile> RealChain() => [Proof(InReleaseName, InReleaseBytes), Proof(IndexName, IndexBytes)];

    public static (string, Sha256Digest) Entry(string name, string sha) => (name, Sha256Digest.Parse(sha));

    /// <summary>The signed text of the real InRelease (what gpgv outputs), to re-sign with a test key.</summary>
    public static byte[] SignedText()
    {
        var text = Encoding.UTF8.GetString(InReleaseBytes).Replace("\r", "", StringComparison.Ordinal);
        var start = text.IndexOf("\n\n", StringComparison.Ordinal) + 2;
        var end = text.IndexOf("\n-----BEGIN PGP SIGNATURE-----", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text[start..end].Replace("\n- ", "\n", StringComparison.Ordinal) + "\n");
    }

    public void Dispose() => _directory.Dispose();
}
