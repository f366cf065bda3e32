using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ReproGet.Formats.Deb822;

/// <summary>
/// One paragraph (stanza) of a Debian control file: <c>Name: value</c> fields, names compared without regard to
/// ASCII case. It is a view over the reader's buffer, valid until the reader reads the next paragraph, so that
/// scanning a 50 MB index allocates only the values a caller asks for; <see cref="ToFields"/> keeps a copy.
/// </summary>
public sealed class Deb822Paragraph
{
    private readonly List<FieldSlot> _fields = [];
    private byte[] _buffer = [];

    internal Deb822Paragraph()
    {
    }

    /// <summary>The line of the paragraph's first field (1-based), for messages.</summary>
    public int LineNumber { get; private set; }

    public int FieldCount => _fields.Count;

    /// <summary>The value of the first field called <paramref name="name"/>, or null.</summary>
    public string? this[string name] => TryGetValue(name, out var value) ? value : null;

    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>
    /// The field's value: the first line trimmed; continuation lines follow after <c>\n</c>, each without its
    /// leading space (an empty first line, as in <c>SHA256:</c> lists of Release files, is left out).
    /// </summary>
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        var index = IndexOf(name);
        value = index < 0 ? null : Materialize(_fields[index]);
        return value is not null;
    }

    /// <summary>The raw bytes of a field's value (the first line trimmed, continuation lines verbatim) without allocating.</summary>
    public bool TryGetBytes(string name, out ReadOnlySpan<byte> value)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            value = default;
            return false;
        }
        var slot = _fields[index];
        value = _buffer.AsSpan(slot.ValueStart, slot.ValueEnd - slot.ValueStart).TrimEnd(" \t\r"u8);
        return true;
    }

    /// <summary>A copy of every field in file order (names as written).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToFields() =>
        [.. _fields.Select(f => KeyValuePair.Create(Encoding.UTF8.GetString(_buffer, f.NameStart, f.NameLength), Materialize(f)))];

    /// <summary>Where the paragraph starts in the buffer (the reader keeps it when refilling).</summary>
    internal int FirstByte => _fields[0].NameStart;

    internal void Reset(byte[] buffer, int lineNumber)
    {
        _buffer = buffer;
        _fields.Clear();
        LineNumber = lineNumber;
    }

    internal void AddField(int nameStart, int nameLength, int valueStart, int valueEnd) =>
        _fields.Add(new FieldSlot(nameStart, nameLength, valueStart, valueEnd));

    /// <summary>Extends the last field over a continuation line.</summary>
    internal void ExtendLastField(int valueEnd) =>
        _fields[^1] = _fields[^1] with { ValueEnd = valueEnd };

    /// <summary>The reader moved its buffer contents by <paramref name="offset"/> bytes (or into a new buffer).</summary>
    internal void Rebase(byte[] buffer, int offset)
    {
        _buffer = buffer;
        for (var i = 0; i < _fields.Count; i++)
        {
            var f = _fields[i];
            _fields[i] = new FieldSlot(f.NameStart - offset, f.NameLength, f.ValueStart - offset, f.ValueEnd - offset);
        }
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _fields.Count; i++)
        {
            if (NameEquals(_buffer.AsSpan(_fields[i].NameStart, _fields[i].NameLength), name))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool NameEquals(ReadOnlySpan<byte> actual, string expected)
    {
        if (actual.Length != expected.Length)
        {
            return false;
        }
        for (var i = 0; i < actual.Length; i++)
        {
            if ((actual[i] | 0x20) != (expected[i] | 0x20))
            {
                return false;
            }
        }
        return true;
    }

    private string Materialize(FieldSlot slot)
    {
        var raw = _buffer.AsSpan(slot.ValueStart, slot.ValueEnd - slot.ValueStart);
        var newline = raw.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return Encoding.UTF8.GetString(raw.TrimEnd(" \t\r"u8));
        }
        var text = new StringBuilder();
        var first = raw[..newline].TrimEnd(" \t\r"u8);
        text.Append(Encoding.UTF8.GetString(first));
        foreach (var range in raw[(newline + 1)..].Split((byte)'\n'))
        {
            var line = raw[(newline + 1)..][range];
            if (line.IsEmpty || line[0] == (byte)'#')
            {
                continue;
            }
            if (text.Length > 0)
            {
                text.Append('\n');
            }
            text.Append(Encoding.UTF8.GetString(line[1..].TrimEnd(" \t\r"u8)));
        }
        return text.ToString();
    }

    private readonly record struct FieldSlot(int NameStart, int NameLength, int ValueStart, int ValueEnd);
}
