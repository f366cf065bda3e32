namespace ReproGet.Distros.Debian.Versions;

/// <summary>
/// A Debian package version, <c>[epoch:]upstream[-revision]</c>, ordered exactly as dpkg orders versions
/// (<c>dpkg --compare-versions</c>): epochs numerically, then upstream and revision part by part, where runs of
/// digits compare as numbers, letters sort before other characters, and <c>~</c> sorts before everything, even the
/// end of the string (so <c>1.0~rc1</c> &lt; <c>1.0</c>).
/// </summary>
public sealed class DebianVersion : IComparable<DebianVersion>, IEquatable<DebianVersion>
{
    private DebianVersion(long epoch, string upstream, string revision, string text)
    {
        Epoch = epoch;
        Upstream = upstream;
        Revision = revision;
        Text = text;
    }

    public long Epoch { get; }

    public string Upstream { get; }

    /// <summary>The Debian revision; empty when the version has none (which orders like <c>0</c>).</summary>
    public string Revision { get; }

    /// <summary>The version as written.</summary>
    public string Text { get; }

    /// <summary>The version without its epoch, as it appears in pool file names (<c>1:2.3-1</c> → <c>2.3-1</c>).</summary>
    public string WithoutEpoch => Text[(Text.IndexOf(':') + 1)..];

    public static DebianVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"invalid Debian version \"{text}\"");

    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DebianVersion? version)
    {
        version = null;
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':');
        long epoch = 0;
        if (colon >= 0 && (colon == 0 || !trimmed[..colon].All(char.IsAsciiDigit) || !long.TryParse(trimmed[..colon], out epoch)))
        {
            return false;
        }
        var rest = trimmed[(colon + 1)..];
        var dash = rest.LastIndexOf('-');
        var upstream = dash < 0 ? rest : rest[..dash];
        var revision = dash < 0 ? "" : rest[(dash + 1)..];
        if (upstream.Length == 0 || (dash >= 0 && revision.Length == 0) || rest.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }
        version = new DebianVersion(epoch, upstream, revision, trimmed);
        return true;
    }

    /// <summary>Compares two version strings as dpkg does; throws for a string that is no version.</summary>
    public static int Compare(string left, string right) => Parse(left).CompareTo(Parse(right));

    public int CompareTo(DebianVersion? other)
    {
        if (other is null)
        {
            return 1;
        }
        var byEpoch = Epoch.CompareTo(other.Epoch);
        if (byEpoch != 0)
        {
            return byEpoch;
        }
        var byUpstream = ComparePart(Upstream, other.Upstream);
        return byUpstream != 0 ? byUpstream : ComparePart(Revision, other.Revision);
    }

    /// <summary>Equal by ordering: <c>1.0</c>, <c>1.00</c>, <c>1.0-0</c> and <c>0:1.0</c> are one version to dpkg.</summary>
    public bool Equals(DebianVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => Equals(obj as DebianVersion);

    // Only the epoch is sure to be equal for versions that compare equal.
    public override int GetHashCode() => Epoch.GetHashCode();

    public override string ToString() => Text;

    public static bool operator <(DebianVersion left, DebianVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(DebianVersion left, DebianVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(DebianVersion left, DebianVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DebianVersion left, DebianVersion right) => left.CompareTo(right) >= 0;

    /// <summary>dpkg's verrevcmp: alternate non-digit runs (by <see cref="Order"/>) and digit runs (numerically).</summary>
    private static int ComparePart(string left, string right)
    {
        int i = 0, j = 0;
        while (i < left.Length || j < right.Length)
        {
            while ((i < left.Length && !char.IsAsciiDigit(left[i])) || (j < right.Length && !char.IsAsciiDigit(right[j])))
            {
                var byCharacter = Order(left, i) - Order(right, j);
                if (byCharacter != 0)
                {
                    return byCharacter;
                }
                i++;
                j++;
            }
            while (i < left.Length && left[i] == '0')
            {
                i++;
            }
            while (j < right.Length && right[j] == '0')
            {
                j++;
            }
            var firstDifference = 0;
            while (i < left.Length && j < right.Length && char.IsAsciiDigit(left[i]) && char.IsAsciiDigit(right[j]))
            {
                if (firstDifference == 0)
                {
                    firstDifference = left[i] - right[j];
                }
                i++;
                j++;
            }
            if (i < left.Length && char.IsAsciiDigit(left[i]))
            {
                return 1;
            }
            if (j < right.Length && char.IsAsciiDigit(right[j]))
            {
                return -1;
            }
            if (firstDifference != 0)
            {
                return firstDifference;
            }
        }
        return 0;
    }

    /// <summary>The weight of one character: <c>~</c> lowest, then end of string and digits, then letters, then the rest.</summary>
    private static int Order(string text, int index)
    {
        if (index >= text.Length)
        {
            return 0;
        }
        var c = text[index];
        return c switch
        {
            '~' => -1,
            _ when char.IsAsciiDigit(c) => 0,
            _ when char.IsAsciiLetter(c) => c,
            _ => c + 256,
        };
    }
}
