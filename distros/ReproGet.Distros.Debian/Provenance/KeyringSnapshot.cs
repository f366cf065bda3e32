using System.Text;
using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// The bytes of every keyring file of a <see cref="TrustedKeys"/>, read once: gpgv is given exactly these bytes
/// (<see cref="Formats.OpenPgp.GpgKeyrings"/>), and <see cref="Digest"/> names them, so a verdict recorded against the digest is
/// one that gpgv reached with these very keys.
/// </summary>
internal sealed class KeyringSnapshot
{
    private KeyringSnapshot(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        Files = files;
        var lines = new StringBuilder();
        foreach (var (_, bytes) in files)
        {
            lines.Append(Sha256Hasher.HashBytes(bytes).Hex).Append('\n');
        }
        Digest = Sha256Hasher.HashBytes(Encoding.ASCII.GetBytes(lines.ToString()));
    }

    public IReadOnlyList<(string Path, byte[] Bytes)> Files { get; }

    /// <summary>The SHA-256 of the list of each file's SHA-256, in order.</summary>
    public Sha256Digest Digest { get; }

    public static KeyringSnapshot Read(TrustedKeys keys) => new([.. keys.Files.Select(f => (f, File.ReadAllBytes(f)))]);
}
