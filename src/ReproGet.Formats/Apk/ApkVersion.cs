using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace ReproGet.Formats.Apk;

/// <summary>
/// Orders Alpine versions (<c>1.2.3a_rc1_p2-r4</c>) as apk does: numbers component by component (more components
/// win), then the letter, then suffixes (<c>_alpha &lt; _beta &lt; _pre &lt; _rc &lt; none &lt; _cvs &lt; _svn &lt;
/// _git &lt; _hg &lt; _p</c>, each with its number), then the <c>-rN</c> release. Text that is no valid version
/// compares ordinally, after every valid one.
/// </summary>
public static partial class ApkVersion
{
    private static readonly string[] SuffixOrder = ["alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"];
    private static readonly int NoSuffix = Array.IndexOf(SuffixOrder, "");

    public static int Compare(string left, string right)
    {
        var a = Parse(left);
        var b = Parse(right);
        if (a is null || b is null)
        {
            return a is null && b is null ? string.CompareOrdinal(left, right) : a is null ? 1 : -1;
        }
        var order = CompareComponents(a.Numbers, b.Numbers);
        if (order == 0)
        {
            order = a.Letter.CompareTo(b.Letter);
        }
        if (order == 0)
        {
            order = CompareSuffixes(a.Suffixes, b.Suffixes);
        }
        if (order == 0)
        {
            order = string.CompareOrdinal(a.Hash, b.Hash);
        }
        return order != 0 ? Math.Sign(order) : a.Release.CompareTo(b.Release);
    }

    public static bool IsValid(string version) => Parse(version) is not null;

    private sealed record Parsed(BigInteger[] Numbers, char Letter, (int Rank, BigInteger Number)[] Suffixes, string Hash, BigInteger Release);

    private static Parsed? Parse(string version)
    {
        var match = VersionPattern().Match(version);
        if (!match.Success)
        {
            return null;
        }
        var numbers = match.Groups["numbers"].Value.Split('.').Select(BigNumber).ToArray();
        var letter = match.Groups["letter"].Success && match.Groups["letter"].Length > 0 ? match.Groups["letter"].Value[0] : '\0';
        var suffixes = match.Groups["suffix"].Captures
            .Select((c, i) => (Array.IndexOf(SuffixOrder, c.Value), BigNumber(match.Groups["suffixNumber"].Captures[i].Value)))
            .ToArray();
        var release = match.Groups["release"].Success ? BigNumber(match.Groups["release"].Value) : BigInteger.Zero;
        return new Parsed(numbers, letter, suffixes, match.Groups["hash"].Value, release);
    }

    private static int CompareComponents(BigInteger[] a, BigInteger[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = a[i].CompareTo(b[i]);
            if (order != 0)
            {
                return order;
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    private static int CompareSuffixes((int Rank, BigInteger Number)[] a, (int Rank, BigInteger Number)[] b)
    {
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            // A missing suffix ranks between the pre-release and the post-release ones.
            var (rankA, numberA) = i < a.Length ? a[i] : (NoSuffix, BigInteger.Zero);
            var (rankB, numberB) = i < b.Length ? b[i] : (NoSuffix, BigInteger.Zero);
            var order = rankA != rankB ? rankA.CompareTo(rankB) : numberA.CompareTo(numberB);
            if (order != 0)
            {
                return order;
            }
        }
        return 0;
    }

    private static BigInteger BigNumber(string digits) =>
        digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<numbers>[0-9]+(\.[0-9]+)*)(?<letter>[a-z]?)(_(?<suffix>alpha|beta|pre|rc|cvs|svn|git|hg|p)(?<suffixNumber>[0-9]*))*(~(?<hash>[0-9a-f]+))?(-r(?<release>[0-9]+))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
