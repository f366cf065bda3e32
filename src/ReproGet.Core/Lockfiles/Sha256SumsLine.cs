using ReproGet.Core.Hashing;

namespace ReproGet.Core.Lockfiles;

/// <summary>
/// One line of a <c>SHA256SUMS</c> file, by the grammar of coreutils and Go repro-get: blank and <c>#</c> lines
/// are skipped; otherwise 64 characters, one space, an optional mode mark (<c>' '</c> text, <c>'*'</c> binary),
/// then the name verbatim.
/// </summary>
public readonly record struct Sha256SumsLine(string Sha256, string Name)
{
    public const string IpfsPrefix = "/ipfs/";

    /// <summary>Parses a line; returns false for blank and comment lines; throws <see cref="FormatException"/>.</summary>
    public static bool TryParse(string line, out Sha256SumsLine parsed)
    {
        parsed = default;
        var trimmed = line.TrimStart();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
        {
            return false;
        }
        var space = trimmed.IndexOf(' ');
        if (space < 0)
        {
            throw new FormatException($"invalid line {LockName.Quote(line)}: want \"<sha256>  <name>\"");
        }
        var sha = trimmed[..space];
        if (sha.Length != Sha256Digest.HexLength)
        {
            throw new FormatException($"invalid sha256 sum {LockName.Quote(sha)}");
        }
        var name = trimmed[(space + 1)..];
        if (name.Length > 0 && name[0] is ' ' or '*')
        {
            name = name[1..];
        }
        if (name.Length == 0)
        {
            throw new FormatException($"line has a sha256 but no file name");
        }
        parsed = new Sha256SumsLine(sha, name);
        return true;
    }

    /// <summary>The CID of a <c>/ipfs/&lt;CID&gt;</c> pseudo-name, or null when the name is a real file.</summary>
    public string? IpfsCid =>
        Name.StartsWith(IpfsPrefix, StringComparison.Ordinal) && Name.Length > IpfsPrefix.Length
            && !Name.AsSpan(IpfsPrefix.Length).Contains('/')
            ? Name[IpfsPrefix.Length..]
            : null;
}
