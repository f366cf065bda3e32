using System.Diagnostics.CodeAnalysis;

namespace ReproGet.Formats.Deb822;

/// <summary>
/// Reads Debian control data (dpkg's status, apt's Packages lists, Release files, <c>*.sources</c>) one paragraph at a
/// time from a stream: fields with continuation lines, paragraphs separated by blank lines, <c>#</c> comment lines,
/// and the clear-signed wrapper of <c>InRelease</c> (skipped, not verified). It works on bytes and keeps only the
/// current paragraph in memory.
/// </summary>
public sealed class Deb822Reader : IDisposable
{
    private const int InitialBufferSize = 1 << 18;
    private static readonly byte[] SignedMessageStart = "-----BEGIN PGP SIGNED MESSAGE-----"u8.ToArray();
    private static readonly byte[] SignatureStart = "-----BEGIN PGP SIGNATURE-----"u8.ToArray();

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Deb822Paragraph _paragraph = new();
    private byte[] _buffer;
    private int _position;
    private int _end;
    private bool _endOfStream;
    private bool _finished;
    private int _lineNumber;
    private bool _clearSigned;

    /// <param name="source">The file or URL the stream comes from, for error messages.</param>
    public Deb822Reader(Stream stream, string source, bool leaveOpen = false)
        : this(stream, source, leaveOpen, InitialBufferSize)
    {
    }

    /// <summary>With a chosen starting buffer size: tests use a tiny one to cross every refill path.</summary>
    internal Deb822Reader(Stream stream, string source, bool leaveOpen, int initialBufferSize)
    {
        _buffer = new byte[initialBufferSize];
        _stream = stream;
        Source = source;
        _leaveOpen = leaveOpen;
    }

    public string Source { get; }

    /// <summary>Reads every paragraph of a file, each copied (for small files: sources, Release, fixtures).</summary>
    public static IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> ReadAllFields(Stream stream, string source)
    {
        using var reader = new Deb822Reader(stream, source, leaveOpen: true);
        var paragraphs = new List<IReadOnlyList<KeyValuePair<string, string>>>();
        while (reader.TryRead(out var paragraph))
        {
            paragraphs.Add(paragraph.ToFields());
        }
        return paragraphs;
    }

    /// <summary>Reads the next paragraph. The returned object is reused: it is valid until the next call.</summary>
    public bool TryRead([NotNullWhen(true)] out Deb822Paragraph? paragraph)
    {
        paragraph = null;
        if (_finished)
        {
            return false;
        }
        var started = false;
        while (TryReadLine(started, out var start, out var end))
        {
            var line = _buffer.AsSpan(start, end - start);
            if (_lineNumber == 1 && line.TrimEnd("\r"u8).SequenceEqual(SignedMessageStart))
            {
                SkipArmorHeaders();
                continue;
            }
            if (_clearSigned && line.TrimEnd("\r"u8).SequenceEqual(SignatureStart))
            {
                _finished = true;
                break;
            }
            if (_clearSigned && line.StartsWith("- "u8))
            {
                start += 2;
                line = line[2..];
            }
            if (line.TrimEnd(" \t\r"u8).IsEmpty)
            {
                if (started)
                {
                    break;
                }
                continue;
            }
            if (line[0] == (byte)'#')
            {
                continue;
            }
            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (!started)
                {
                    throw new Deb822FormatException(Source, _lineNumber, "continuation line before any field");
                }
                _paragraph.ExtendLastField(end);
                continue;
            }
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                throw new Deb822FormatException(Source, _lineNumber, "line is not a 'Field: value' line, a continuation or a blank line");
            }
            if (!started)
            {
                _paragraph.Reset(_buffer, _lineNumber);
                started = true;
            }
            var valueStart = start + colon + 1;
            while (valueStart < end && _buffer[valueStart] is (byte)' ' or (byte)'\t')
            {
                valueStart++;
            }
            _paragraph.AddField(start, colon, valueStart, end);
        }
        if (!started)
        {
            _finished = true;
            return false;
        }
        paragraph = _paragraph;
        return true;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void SkipArmorHeaders()
    {
        _clearSigned = true;
        while (TryReadLine(false, out var start, out var end) && !_buffer.AsSpan(start, end - start).TrimEnd(" \t\r"u8).IsEmpty)
        {
        }
    }

    /// <summary>The next line as [start, end) of the buffer, without its newline; refills keeping the current paragraph.</summary>
    private bool TryReadLine(bool keepParagraph, out int start, out int end)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_position, _end - _position).IndexOf((byte)'\n');
            if (newline >= 0 || (_endOfStream && _position < _end))
            {
                start = _position;
                end = newline >= 0 ? _position + newline : _end;
                _position = newline >= 0 ? end + 1 : _end;
                _lineNumber++;
                return true;
            }
            if (_endOfStream)
            {
                start = end = _position;
                return false;
            }
            Refill(keepParagraph);
        }
    }

    private void Refill(bool keepParagraph)
    {
        var keepFrom = keepParagraph ? _paragraph.FirstByte : _position;
        var kept = _end - keepFrom;
        var target = kept > _buffer.Length / 2 ? new byte[_buffer.Length * 2] : _buffer;
        Buffer.BlockCopy(_buffer, keepFrom, target, 0, kept);
        _buffer = target;
        if (keepParagraph)
        {
            _paragraph.Rebase(_buffer, keepFrom);
        }
        _position -= keepFrom;
        _end = kept;
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }
        _end += read;
    }
}
