using System.Text;
using ReproGet.Core.Hashing;
using ReproGet.Formats.Compression;

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
        using var plain = new MemoryStream();
        // Decompression.Open returns the stream itself for plain indexes: only a decoder of our own is disposed here.
        var decoded = Decompression.Open(hashing, format, name, leaveOpen: true);
        try
        {
            decoded.CopyTo(plain, 1 << 20);
        }
        finally
        {
            if (!ReferenceEquals(decoded, hashing))
            {
                decoded.Dispose();
            }
        }
        var sha256 = hashing.Finish();
        return new PackagesIndexScan(sha256, hashing.BytesRead, Find(plain.GetBuffer().AsSpan(0, (int)plain.Length), filenames));
    }

    // Only "Filename:" lines are looked at (a vectorised search), and a stanza's SHA256 only when its file is wanted:
    // a 50 MB index costs a memory scan, not a parse of 60 000 stanzas. Fields start lines; continuation lines start
    // with a space, so a "Filename:" inside a description never matches.
    private static Dictionary<string, Sha256Digest> Find(ReadOnlySpan<byte> text, IReadOnlySet<string> filenames)
    {
        var lookup = filenames.ToDictionary(n => n, n => n, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var listed = new Dictionary<string, Sha256Digest>(StringComparer.Ordinal);
        var chars = new char[1024];
        var position = 0;
        while (listed.Count < filenames.Count)
        {
            var found = text[position..].IndexOf("Filename: "u8);
            if (found < 0)
            {
                break;
            }
            var at = position + found;
            var lineEnd = text[at..].IndexOf((byte)'\n') is var e and >= 0 ? at + e : text.Length;
            position = lineEnd;
            if (at > 0 && text[at - 1] != (byte)'\n')
            {
                continue;
            }
            var value = text[(at + "Filename: ".Length)..lineEnd].TrimEnd(" \t\r"u8);
            if (value.Length > chars.Length || !lookup.TryGetValue(chars.AsSpan(0, Encoding.UTF8.GetChars(value, chars)), out var filename)
                || listed.ContainsKey(filename) || StanzaSha256(text, at) is not { } digest)
            {
                continue;
            }
            listed[filename] = digest;
        }
        return listed;
    }

    private static Sha256Digest? StanzaSha256(ReadOnlySpan<byte> text, int inside)
    {
        var start = text[..inside].LastIndexOf("\n\n"u8) is var s and >= 0 ? s + 2 : 0;
        var end = text[inside..].IndexOf("\n\n"u8) is var e and >= 0 ? inside + e + 1 : text.Length;
        var stanza = text[start..end];
        var field = stanza.StartsWith("SHA256: "u8) ? 0 : stanza.IndexOf("\nSHA256: "u8) is var f and >= 0 ? f + 1 : -1;
        if (field < 0)
        {
            return null;
        }
        var value = stanza[(field + "SHA256: ".Length)..];
        value = value[..(value.IndexOf((byte)'\n') is var n and >= 0 ? n : value.Length)].TrimEnd(" \t\r"u8);
        return Sha256Digest.TryParse(Encoding.ASCII.GetString(value), out var digest) ? digest : null;
    }

    public static PackagesIndexScan ReadFile(string path, string name, IReadOnlySet<string> filenames) =>
        Read(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), name, filenames);
}
