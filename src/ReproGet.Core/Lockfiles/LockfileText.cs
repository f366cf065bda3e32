using System.Text;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Lockfiles;

/// <summary>
/// Reads a lockfile's lines with the limits a hostile file needs: strict UTF-8, no NUL bytes, lines of at most
/// 64 KiB (the Go tool's scanner limit). LF ends a line and a trailing CR is dropped.
/// </summary>
public static class LockfileText
{
    public const int MaxLineLength = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<string> ReadLines(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReproGetException($"cannot read lockfile \"{path}\": {e.Message}", inner: e);
        }
        return Split(path, bytes);
    }

    public static IReadOnlyList<string> Split(string path, ReadOnlySpan<byte> bytes)
    {
        var zero = bytes.IndexOf((byte)0);
        if (zero >= 0)
        {
            throw new LockfileFormatException([$"{path}:{LineOf(bytes, zero)}: binary data (NUL byte): not a SHA256SUMS file"]);
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new LockfileFormatException([$"{path}:{LineOf(bytes, FirstInvalidUtf8(bytes))}: not valid UTF-8: not a SHA256SUMS file"]);
        }
        var lines = text.Split('\n');
        var count = text.Length == 0 ? 0 : text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var line = lines[i].EndsWith('\r') ? lines[i][..^1] : lines[i];
            if (line.Length > MaxLineLength)
            {
                throw new LockfileFormatException([$"{path}:{i + 1}: line of {line.Length} characters is longer than {MaxLineLength}"]);
            }
            result.Add(line);
        }
        return result;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        Span<char> scratch = stackalloc char[1024];
        var offset = 0;
        while (true)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[offset..], scratch, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall)
            {
                return offset;
            }
        }
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;
}
