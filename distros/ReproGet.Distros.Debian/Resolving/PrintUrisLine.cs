namespace ReproGet.Distros.Debian.Resolving;

/// <summary>
/// One line of <c>apt-get install --print-uris</c>: <c>'URI' BASENAME SIZE HASH</c>. apt 2.6 prints the MD5Sum in
/// the last column, so the SHA-256 comes from the lists, not from here.
/// </summary>
public sealed record PrintUrisLine(string Uri, string Basename, long Size)
{
    public static IReadOnlyList<PrintUrisLine> ParseAll(string output)
    {
        var lines = new List<PrintUrisLine>();
        foreach (var raw in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!raw.StartsWith('\''))
            {
                continue;
            }
            var close = raw.IndexOf('\'', 1);
            var words = close < 0 ? [] : raw[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || !long.TryParse(words[1], out var size))
            {
                throw new FormatException($"unexpected apt-get --print-uris line: {raw}");
            }
            lines.Add(new PrintUrisLine(System.Uri.UnescapeDataString(raw[1..close]), words[0], size));
        }
        return lines;
    }
}
