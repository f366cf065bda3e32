using System.Buffers;
using System.Text;
using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Debian.Apt;

/// <summary>
/// Finds the stanzas of a few wanted packages in a decompressed apt <c>Packages</c> list without parsing the others:
/// a vectorized search jumps from one <c>Package:</c> line to the next, the name is looked up without allocating,
/// and only a wanted stanza is split into fields. About 840 of 63 000 stanzas are wanted on a typical machine, so the
/// work is the decompression plus one byte search (measured in the README, "Lock speed").
/// </summary>
internal static class PackagesListScanner
{
    private const int ChunkSize = 1 << 20;
    private const int MaxNameLength = 256;

    /// <summary>Calls <paramref name="found"/> for each wanted stanza of <paramref name="stream"/>, a plain Packages list.</summary>
    /// <returns>The number of wanted stanzas that lacked a usable Version, Architecture, Filename or SHA256.</returns>
    public static int Scan(Stream stream, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> names,
        Action<string, ListStanza> found) => Scan(stream, names, found, ChunkSize);

    /// <summary>With a chosen read size: tests use a tiny one to cross every refill path.</summary>
    internal static int Scan(Stream stream, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> names,
        Action<string, ListStanza> found, int chunkSize)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
        var unusable = 0;
        try
        {
            var length = 0;
            var ended = false;
            while (!ended)
            {
                if (length == buffer.Length)
                {
                    // One stanza bigger than the buffer (never in real lists): grow rather than split it.
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = stream.ReadAtLeast(buffer.AsSpan(length), buffer.Length - length, throwOnEndOfStream: false);
                ended = read < buffer.Length - length;
                length += read;
                // Scan up to the last paragraph break; the unfinished stanza after it moves to the front for the next read.
                var complete = ended ? length : buffer.AsSpan(0, length).LastIndexOf("\n\n"u8) + 2;
                if (complete < 2)
                {
                    continue;
                }
                unusable += ScanComplete(buffer.AsSpan(0, complete), names, found);
                buffer.AsSpan(complete, length - complete).CopyTo(buffer);
                length -= complete;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return unusable;
    }

    /// <summary>Scans whole stanzas: <paramref name="text"/> starts at a stanza and ends at a paragraph break or the end of the list.</summary>
    private static int ScanComplete(ReadOnlySpan<byte> text, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> names,
        Action<string, ListStanza> found)
    {
        Span<char> nameChars = stackalloc char[MaxNameLength];
        var unusable = 0;
        var position = text.StartsWith("Package:"u8) ? 0 : NextPackageLine(text, 0);
        while (position >= 0)
        {
            var valueStart = position + "Package:".Length;
            var lineEnd = text[valueStart..].IndexOf((byte)'\n');
            lineEnd = lineEnd < 0 ? text.Length : valueStart + lineEnd;
            var name = text[valueStart..lineEnd].Trim(" \t\r"u8);
            if (name.Length <= MaxNameLength && Ascii.IsValid(name))
            {
                Encoding.ASCII.GetChars(name, nameChars);
                if (names.TryGetValue(nameChars[..name.Length], out var wanted))
                {
                    var start = text[..position].LastIndexOf("\n\n"u8);
                    start = start < 0 ? 0 : start + 2;
                    var end = text[position..].IndexOf("\n\n"u8);
                    end = end < 0 ? text.Length : position + end;
                    if (ListStanza.TryParse(text[start..end], out var stanza))
                    {
                        found(wanted, stanza);
                    }
                    else
                    {
                        unusable++;
                    }
                }
            }
            position = NextPackageLine(text, lineEnd);
        }
        return unusable;
    }

    private static int NextPackageLine(ReadOnlySpan<byte> text, int from)
    {
        var at = text[from..].IndexOf("\nPackage:"u8);
        return at < 0 ? -1 : from + at + 1;
    }
}
