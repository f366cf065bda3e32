using System.Text;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;

namespace ReproGet.Core.Lockfiles;

/// <summary>
/// The one writer of lock lines: <c>&lt;sha256&gt;  &lt;name&gt;</c> and <c>&lt;sha256&gt;  /ipfs/&lt;CID&gt;</c>, LF-terminated,
/// as coreutils and Go repro-get write them. A name with a line break is refused, so no name can forge a line.
/// </summary>
public static class Sha256SumsWriter
{
    /// <summary>One line, without its LF.</summary>
    public static string Line(Sha256Digest sha256, string name)
    {
        if (name.Length == 0 || name.Contains('\n') || name.Contains('\r'))
        {
            throw new ReproGetException(
                $"cannot write a lock line for \"{name.ReplaceLineEndings("\\n")}\": a name must be one non-empty line",
                "the name came from a damaged index or database; refresh it and lock again");
        }
        return $"{sha256.Hex}  {name}";
    }

    /// <summary>The line that attaches <paramref name="cid"/> to the bytes of <paramref name="sha256"/>, without its LF.</summary>
    public static string IpfsLine(Sha256Digest sha256, string cid) => Line(sha256, Sha256SumsLine.IpfsPrefix + cid);

    /// <summary>Lockfile text, deterministic: sorted by name (ordinal), each CID line right after its entry.</summary>
    public static string Format(IEnumerable<LockEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.Append(Line(entry.Sha256, entry.Name)).Append('\n');
            if (entry.Cid is not null)
            {
                text.Append(IpfsLine(entry.Sha256, entry.Cid)).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>The lines of <paramref name="files"/>, in the order given.</summary>
    public static string Format(IEnumerable<LockedFile> files) => Lines(files.Select(f => Line(f.Sha256, f.Name)));

    /// <summary>Already formatted lines, each LF-terminated.</summary>
    public static string Lines(IEnumerable<string> lines) => string.Concat(lines.Select(l => l + "\n"));
}
