using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace ReproGet.Distros.Alpine.Tests.Builders;

/// <summary>The pieces abuild puts together: tar members (signature and control ones without end blocks), gzipped one by one.</summary>
internal static class ApkArchive
{
    private const int EndOfArchive = 1024;

    public static byte[] Tar(IEnumerable<KeyValuePair<string, byte[]>> files, bool keepEndBlocks)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(content),
                    ModificationTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
                });
            }
        }
        var bytes = tar.ToArray();
        if (keepEndBlocks)
        {
            return bytes;
        }
        if (bytes.AsSpan(bytes.Length - EndOfArchive).ContainsAnyExcept((byte)0))
        {
            throw new InvalidOperationException("TarWriter ended the archive differently than expected");
        }
        return bytes[..^EndOfArchive];
    }

    public static byte[] Gzip(byte[] content)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return output.ToArray();
    }

    /// <summary>The signature member over <paramref name="signed"/>: <c>.SIGN.RSA.</c> (SHA-1) or <c>.SIGN.RSA256.</c>.</summary>
    public static byte[] SignatureMember(byte[] signed, params (TestKey Key, bool Sha256)[] signers) =>
        Gzip(Tar(signers.Select(s => new KeyValuePair<string, byte[]>(
            (s.Sha256 ? ".SIGN.RSA256." : ".SIGN.RSA.") + s.Key.Name,
            s.Key.Sign(signed, s.Sha256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1))), keepEndBlocks: false));

    public static KeyValuePair<string, byte[]> TextFile(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));
}
