using System.Text;

namespace ReproGet.Core.Lockfiles;

/// <summary>Writes lockfiles deterministically: sorted by name (ordinal), each CID line right after its entry.</summary>
public static class Sha256SumsWriter
{
    public static string Format(IEnumerable<LockEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.Append(entry.Sha256.Hex).Append("  ").Append(entry.Name).Append('\n');
            if (entry.Cid is not null)
            {
                text.Append(entry.Sha256.Hex).Append("  ").Append(Sha256SumsLine.IpfsPrefix).Append(entry.Cid).Append('\n');
            }
        }
        return text.ToString();
    }
}
