using System.Buffers.Binary;
using System.IO.Compression;
using ReproGet.Core.Fetching;

namespace ReproGet.Formats.Apk;

/// <summary>
/// Takes gzip members off the front of a stream one at a time, keeping each member's exact compressed bytes, which
/// is what Alpine signs and checksums. .NET's GZipStream reads concatenated members as one and reads ahead past a
/// member's end, so the header and trailer are parsed here and the raw deflate data is handed to the inflater one
/// byte per read: it then stops exactly where the member's deflate stream ends. Only the small leading members
/// (signature, control) are taken this way; whatever follows is read at full speed from <see cref="Remainder"/>.
/// </summary>
public sealed class GzipMemberReader
{
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;

    private readonly Stream _source;
    private readonly string _what;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _position;
    private int _end;
    private MemoryStream? _capture;

    /// <param name="what">The file or URL the bytes come from, for error messages.</param>
    public GzipMemberReader(Stream source, string what)
    {
        _source = source;
        _what = what;
        Remainder = new RemainderStream(this);
    }

    /// <summary>The bytes after the members taken so far: the rest of the buffer, then the source.</summary>
    public Stream Remainder { get; }

    /// <summary>Whether any byte is left (reads ahead into the buffer if needed).</summary>
    public async Task<bool> HasMoreAsync(CancellationToken cancellationToken) =>
        _position < _end || await FillAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The next member, inflating to at most <paramref name="maxContentLength"/> bytes.</summary>
    public async Task<GzipMember> ReadMemberAsync(int maxContentLength, CancellationToken cancellationToken)
    {
        _capture = new MemoryStream();
        try
        {
            await ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            var content = new MemoryStream();
            await using (var inflater = new DeflateStream(new OneByteReads(this), CompressionMode.Decompress, leaveOpen: true))
            {
                var chunk = new byte[1 << 14];
                int read;
                // DeflateStream.CopyTo would read the source in large blocks; only Read keeps to one byte at a time.
                while ((read = await inflater.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (content.Length + read > maxContentLength)
                    {
                        throw new ApkFormatException(_what, $"a gzip member inflates to more than {maxContentLength} bytes");
                    }
                    content.Write(chunk, 0, read);
                }
            }
            var trailer = new byte[8];
            await ReadExactlyAsync(trailer, cancellationToken).ConfigureAwait(false);
            if (BinaryPrimitives.ReadUInt32LittleEndian(trailer.AsSpan(4)) != (uint)content.Length)
            {
                throw new ApkFormatException(_what, "a gzip member's trailer does not match its inflated length");
            }
            return new GzipMember(_capture.ToArray(), content.ToArray());
        }
        catch (InvalidDataException e)
        {
            throw new ApkFormatException(_what, $"corrupt gzip data: {e.Message}");
        }
        finally
        {
            _capture = null;
        }
    }

    private async Task ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var header = new byte[10];
        await ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
        if (header[0] != 0x1f || header[1] != 0x8b || header[2] != 8)
        {
            var hint = header.AsSpan(0, 4).SequenceEqual("ADB."u8) ? " (this is the apk v3 format, which is not supported)" : "";
            throw new ApkFormatException(_what, $"not a gzip member{hint}");
        }
        var flags = header[3];
        if ((flags & FlagExtra) != 0)
        {
            var length = new byte[2];
            await ReadExactlyAsync(length, cancellationToken).ConfigureAwait(false);
            await ReadExactlyAsync(new byte[BinaryPrimitives.ReadUInt16LittleEndian(length)], cancellationToken).ConfigureAwait(false);
        }
        foreach (var zeroTerminated in new[] { FlagName, FlagComment })
        {
            if ((flags & zeroTerminated) != 0)
            {
                while (await ReadByteAsync(cancellationToken).ConfigureAwait(false) != 0)
                {
                }
            }
        }
        if ((flags & FlagHeaderCrc) != 0)
        {
            await ReadExactlyAsync(new byte[2], cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<byte> ReadByteAsync(CancellationToken cancellationToken)
    {
        if (_position == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new ApkFormatException(_what, "truncated gzip member");
        }
        var value = _buffer[_position++];
        _capture?.WriteByte(value);
        return value;
    }

    private async ValueTask ReadExactlyAsync(byte[] target, CancellationToken cancellationToken)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _position = 0;
        _end = await _source.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }

    /// <summary>What the inflater reads from: one byte per call, so it cannot consume the next member.</summary>
    private sealed class OneByteReads(GzipMemberReader owner) : ReadOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            throw new NotSupportedException("read asynchronously");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.Length == 0)
            {
                return 0;
            }
            var value = await owner.ReadByteAsync(cancellationToken).ConfigureAwait(false);
            buffer.Span[0] = value;
            return 1;
        }
    }

    private sealed class RemainderStream(GzipMemberReader owner) : ReadOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            throw new NotSupportedException("read asynchronously");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (owner._position < owner._end)
            {
                var count = Math.Min(buffer.Length, owner._end - owner._position);
                owner._buffer.AsMemory(owner._position, count).CopyTo(buffer);
                owner._position += count;
                return count;
            }
            return await owner._source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
