namespace ReproGet.Sources.Ipfs.Multiformats;

/// <summary>
/// Unsigned LEB128 varints as multiformats, protobuf and CAR use them. Decoding is strict: at most 9 bytes
/// (63 bits, the multiformats limit) and no redundant trailing zero groups.
/// </summary>
public static class Varint
{
    public const int MaxLength = 10;

    public static int Length(ulong value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }
        return length;
    }

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[i++] = (byte)value;
        return i;
    }

    public static byte[] Encode(ulong value)
    {
        var bytes = new byte[Length(value)];
        Write(bytes, value);
        return bytes;
    }

    /// <summary>Reads a varint from the start of <paramref name="source"/>; false when it is truncated or malformed.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out ulong value, out int length)
    {
        value = 0;
        length = 0;
        for (var shift = 0; length < source.Length && length < 9; shift += 7)
        {
            var b = source[length++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                // A last byte of zero (other than a lone 0x00) encodes nothing: not canonical.
                return b != 0 || length == 1;
            }
        }
        return false;
    }

    /// <summary>Reads one varint from a stream; null at a clean end of stream (no byte read).</summary>
    public static async ValueTask<ulong?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[1];
        ulong value = 0;
        for (var i = 0; i < 9; i++)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return i == 0 ? null : throw new IpfsFormatException("stream ends inside a varint");
            }
            var b = buffer[0];
            value |= (ulong)(b & 0x7f) << (7 * i);
            if (b < 0x80)
            {
                return b != 0 || i == 0 ? value : throw new IpfsFormatException("varint is not minimally encoded");
            }
        }
        throw new IpfsFormatException("varint longer than 9 bytes");
    }
}
