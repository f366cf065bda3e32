using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;

namespace ReproGet.Core.Lockfiles;

/// <summary>
/// Reads <c>SHA256SUMS</c> lockfiles into validated entries. Several files merge, a later file's entry replacing
/// an earlier one of the same name. Every bad line is reported (file and line) before anything is used.
/// </summary>
public static class Sha256SumsReader
{
    /// <summary>Reads and validates lockfiles; <paramref name="sourceDateEpoch"/> is the environment's value.</summary>
    public static IReadOnlyList<LockEntry> ReadFiles(IEnumerable<string> paths, string? sourceDateEpoch)
    {
        var merged = new SortedDictionary<string, LockEntry>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var lines = LockfileText.ReadLines(path);
            foreach (var entry in Parse(path, lines, LockfileEpoch.Resolve(path, sourceDateEpoch)))
            {
                merged[entry.Name] = entry;
            }
        }
        return [.. merged.Values];
    }

    /// <summary>Validates parsed lines into entries, attaching each hash's CID (the last one in file order).</summary>
    public static IReadOnlyList<LockEntry> Parse(string path, IReadOnlyList<string> lines, DateTimeOffset? epoch)
    {
        var diagnostics = new List<string>();
        var cids = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new SortedDictionary<string, (string Sha, int Line)>(StringComparer.Ordinal);
        foreach (var (number, line) in ParseLines(path, lines, diagnostics))
        {
            var problem = Sha256Digest.Explain(line.Sha256);
            if (problem is not null)
            {
                diagnostics.Add($"{path}:{number}: {problem}");
            }
            else if (line.IpfsCid is { } cid)
            {
                if (CidSyntax.Explain(cid) is { } cidProblem)
                {
                    diagnostics.Add($"{path}:{number}: {cidProblem}");
                }
                else
                {
                    cids[line.Sha256] = cid;
                }
            }
            else if (LockName.Explain(line.Name) is { } nameProblem)
            {
                diagnostics.Add($"{path}:{number}: {nameProblem}");
            }
            else if (files.TryGetValue(line.Name, out var earlier) && !string.Equals(earlier.Sha, line.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add($"{path}:{number}: {LockName.Quote(line.Name)} has sha256 {line.Sha256} here but {earlier.Sha} on line {earlier.Line}; "
                    + "a name may have one hash only");
            }
            else
            {
                files[line.Name] = (line.Sha256, number);
            }
        }
        var entries = new List<LockEntry>(files.Count);
        foreach (var (name, (sha, number)) in files)
        {
            try
            {
                entries.Add(new LockEntry(name, Sha256Digest.Parse(sha), cids.GetValueOrDefault(sha), epoch));
            }
            catch (ReproGetException e)
            {
                diagnostics.Add($"{path}:{number}: {e.Message}");
            }
        }
        if (diagnostics.Count > 0)
        {
            throw new LockfileFormatException(diagnostics);
        }
        return entries;
    }

    /// <summary>
    /// The plain line grammar without name validation, as the Go tool reads <c>--dedupe</c> files:
    /// (line number, parsed line) for every non-blank, non-comment line.
    /// </summary>
    public static IEnumerable<(int Number, Sha256SumsLine Line)> ParseLines(string path, IReadOnlyList<string> lines,
        List<string> diagnostics)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            Sha256SumsLine parsed;
            try
            {
                if (!Sha256SumsLine.TryParse(lines[i], out parsed))
                {
                    continue;
                }
            }
            catch (FormatException e)
            {
                diagnostics.Add($"{path}:{i + 1}: {e.Message}");
                continue;
            }
            yield return (i + 1, parsed);
        }
    }

    /// <summary>Reads the (sha256, name) pairs of a file with the plain grammar; used by <c>--dedupe</c>.</summary>
    public static IReadOnlyList<Sha256SumsLine> ReadPairs(string path)
    {
        var diagnostics = new List<string>();
        var pairs = ParseLines(path, LockfileText.ReadLines(path), diagnostics).Select(p => p.Line).ToList();
        return diagnostics.Count > 0 ? throw new LockfileFormatException(diagnostics) : pairs;
    }
}
