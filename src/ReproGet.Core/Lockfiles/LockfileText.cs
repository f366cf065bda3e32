using System.Buffers;
using System.Text;
using ReproGet.Core.Errors;
using ReproGet.Core.Files;

namespace ReproGet.Core.Lockfiles;

/// <summary>
/// Reads a lockfile's lines with the limits a hostile file needs: a regular file (checked on the open descriptor,
/// so a FIFO or a device never blocks or streams forever), at most 64 MiB, strict UTF-8, no NUL bytes, lines of at
/// most 64 KiB (the Go tool's scanner limit). LF ends a line and a trailing CR is dropped. The file is read as a
/// stream, one line at a time, so memory is the lines kept, not several copies of the whole file.
/// </summary>
public static class LockfileText
{
    public const int MaxLineLength = 64 * 1024;

    /// <summary>Far above any real lock (all of Debian bookworm main is ≈10 MB), far below what would exhaust memory.</summary>
    public const long MaxFileBytes = 64L << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Opens a lockfile for reading when it is a regular file (a symlink to one is fine: it is the user's own path).</summary>
    public static FileStream OpenRegular(string path)
    {
        try
        {
            return new FileStream(PosixFile.OpenRegularForRead(path, followLinks: true), FileAccess.Read, 1);
        }
        catch (IOException e)
        {
            throw new ReproGetException($"cannot read lockfile {NameEscaping.Quote(path)}: {e.Message}",
                "a lockfile must be a regular file (not a FIFO, a device or a directory)", e);
        }
    }

    public static IReadOnlyList<string> ReadLines(string path)
    {
        using var stream = OpenRegular(path);
        if (stream.Length > MaxFileBytes)
        {
            throw new LockfileFormatException([$"{path}: {stream.Length} bytes is larger than the {MaxFileBytes >> 20} MiB a lockfile may have"]);
        }
        try
        {
            return Read(path, stream);
        }
        catch (IOException e)
        {
            throw new ReproGetException($"cannot read lockfile {NameEscaping.Quote(path)}: {e.Message}", inner: e);
        }
    }

    public static IReadOnlyList<string> Split(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        return Read(path, stream);
    }

    private static List<string> Read(string path, Stream stream)
    {
        var result = new List<string>();
        var buffer = ArrayPool<byte>.Shared.Rent(MaxLineLength * 4 + 2);
        try
        {
            var filled = 0;
            var total = 0L;
            var atEnd = false;
            while (!atEnd || filled > 0)
            {
                if (!atEnd && filled < buffer.Length)
                {
                    var read = stream.Read(buffer, filled, buffer.Length - filled);
                    atEnd = read == 0;
                    filled += read;
                    total += read;
                    if (total > MaxFileBytes)
                    {
                        throw new LockfileFormatException([$"{path}: larger than the {MaxFileBytes >> 20} MiB a lockfile may have"]);
                    }
                    if (!atEnd)
                    {
                        continue;
                    }
                }
                var start = 0;
                while (true)
                {
                    var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }
                    result.Add(Decode(path, result.Count + 1, buffer.AsSpan(start, newline)));
                    start += newline + 1;
                }
                if (start == 0 && filled == buffer.Length)
                {
                    throw new LockfileFormatException([$"{path}:{result.Count + 1}: line of more than {filled} bytes is longer than {MaxLineLength} characters"]);
                }
                if (atEnd && start < filled)
                {
                    result.Add(Decode(path, result.Count + 1, buffer.AsSpan(start, filled - start)));
                    start = filled;
                }
                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return result;
    }

    private static string Decode(string path, int number, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new LockfileFormatException([$"{path}:{number}: binary data (NUL byte): not a SHA256SUMS file"]);
        }
        string line;
        try
        {
            line = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new LockfileFormatException([$"{path}:{number}: not valid UTF-8: not a SHA256SUMS file"]);
        }
        if (line.EndsWith('\r'))
        {
            line = line[..^1];
        }
        if (line.Length > MaxLineLength)
        {
            throw new LockfileFormatException([$"{path}:{number}: line of {line.Length} characters is longer than {MaxLineLength}"]);
        }
        return line;
    }
}
