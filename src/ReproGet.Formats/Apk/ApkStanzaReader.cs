using System.Runtime.CompilerServices;

namespace ReproGet.Formats.Apk;

/// <summary>
/// Reads the <c>X:value</c> records of an <c>APKINDEX</c> or of apk's installed database one at a time: records are
/// separated by blank lines, and the last one need not end with one.
/// </summary>
public static class ApkStanzaReader
{
    /// <param name="source">The file or URL the text comes from, for error messages.</param>
    public static async IAsyncEnumerable<ApkStanza> ReadAsync(TextReader reader, string source,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<char, string>>();
        var lineNumber = 0;
        var start = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (fields.Count > 0)
                {
                    yield return new ApkStanza(fields, start);
                    fields = [];
                }
                continue;
            }
            if (line.Length < 2 || line[1] != ':')
            {
                throw new ApkFormatException($"{source}:{lineNumber}", $"\"{Shorten(line)}\" is not an \"X:value\" line");
            }
            if (fields.Count == 0)
            {
                start = lineNumber;
            }
            fields.Add(new KeyValuePair<char, string>(line[0], line[2..]));
        }
        if (fields.Count > 0)
        {
            yield return new ApkStanza(fields, start);
        }
    }

    /// <summary>Reads every record of a small text (a fixture, an excerpt).</summary>
    public static async Task<IReadOnlyList<ApkStanza>> ReadAllAsync(TextReader reader, string source, CancellationToken cancellationToken)
    {
        var stanzas = new List<ApkStanza>();
        await foreach (var stanza in ReadAsync(reader, source, cancellationToken).ConfigureAwait(false))
        {
            stanzas.Add(stanza);
        }
        return stanzas;
    }

    private static string Shorten(string line) => line.Length > 60 ? line[..60] + "…" : line;
}
