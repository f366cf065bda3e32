using System.Text;
using ReproGet.Core.Hashing;
using ReproGet.Formats.Compression;
using ReproGet.Formats.Deb822;

namespace ReproGet.Distros.Debian.Provenance;

/// <summary>
/// One streaming pass over a <c>Packages</c> index (plain or compressed, as named): the SHA-256 and size of its
/// bytes as stored (what a Release lists), and the <c>SHA256:</c> of every stanza whose <c>Filename:</c> was asked
/// for. Only asked-for names are kept, so a 50 MB index costs one read.
/// </summary>
public sealed class PackagesIndexScan
{
    private readonly Dictionary<string, Sha256Digest> _listed;

    private PackagesIndexScan(Sha256Digest sha256, long size, Dictionary<string, Sha256Digest> listed)
    {
        Sha256 = sha256;
        Size = size;
        _listed = listed;
    }

    /// <summary>The hash of the index bytes as read (compressed, when the index is).</summary>
    public Sha256Digest Sha256 { get; }

    public long Size { get; }

    /// <summary>The asked-for <c>Filename:</c> values this index lists, with their <c>SHA256:</c>.</summary>
    public IReadOnlyDictionary<string, Sha256Digest> Listed => _listed;

    /// <summary>
    /// The entry link of the chain: null when this index lists <paramref name="filename"/> with <paramref name="sha256"/>,
    /// else why not.
    /// </summary>
    public string? CheckEntry(string filename, Sha256Digest sha256) =>
        !_listed.TryGetValue(filename, out var listed) ? $"the index does not list {filename}"
        : listed != sha256 ? $"the index lists {filename} with sha256 {listed.Hex}, the lock has {sha256.Hex}"
        : null;

    /// <param name="stream">The index bytes as stored; disposed.</param>
    /// <param name="name">The index's name (<c>…/Packages.xz</c>): its suffix says how it is compressed.</param>
    public static PackagesIndexScan Read(Stream stream, string name, IReadOnlySet<string> filenames)
    {
        using var hashing = new HashingReadStream(stream);
        var format = CompressionDetector.FromSuffix(name);
        var lookup = filenames.ToDictionary(n => n, n => n, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var listed = new Dictionary<string, Sha256Digest>(StringComparer.Ordinal);
        // Decompression.Open returns the stream itself for plain indexes: only a decoder of our own is disposed here.
        var plain = Decompression.Open(hashing, format, name, leaveOpen: true);
        try
        {
            using var reader = new Deb822Reader(plain, name, leaveOpen: true);
            var chars = new char[1024];
            while (reader.TryRead(out var stanza))
            {
                if (!stanza.TryGetBytes("Filename", out var bytes) || bytes.Length > chars.Length
                    || !lookup.TryGetValue(chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars)), out var filename)
                    || listed.ContainsKey(filename) || !Sha256Digest.TryParse(stanza["SHA256"], out var digest))
                {
                    continue;
                }
                listed[filename] = digest.Value;
            }
        }
        finally
        {
            if (!ReferenceEquals(plain, hashing))
            {
                plain.Dispose();
            }
        }
        var sha256 = hashing.Finish();
        return new PackagesIndexScan(sha256, hashing.BytesRead, listed);
    }

    public static PackagesIndexScan ReadFile(string path, string name, IReadOnlySet<string> filenames) =>
        Read(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), name, filenames);
}
