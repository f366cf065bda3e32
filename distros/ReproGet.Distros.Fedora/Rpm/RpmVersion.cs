namespace ReproGet.Distros.Fedora.Rpm;

/// <summary>rpm's version order (<c>rpmvercmp</c>): epoch first, then version, then release, segment by segment.</summary>
public static class RpmVersion
{
    public static int Compare(int epochA, string versionA, string releaseA, int epochB, string versionB, string releaseB)
    {
        var byEpoch = epochA.CompareTo(epochB);
        if (byEpoch != 0)
        {
            return byEpoch;
        }
        var byVersion = CompareSegments(versionA, versionB);
        return byVersion != 0 ? byVersion : CompareSegments(releaseA, releaseB);
    }

    /// <summary>
    /// Alternating runs of digits and letters compare numerically and alphabetically, a digit run beats a letter run,
    /// <c>~</c> sorts before everything (pre-releases) and <c>^</c> after the end but before anything else.
    /// </summary>
    public static int CompareSegments(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while (i < a.Length && !char.IsAsciiLetterOrDigit(a[i]) && a[i] is not ('~' or '^'))
            {
                i++;
            }
            while (j < b.Length && !char.IsAsciiLetterOrDigit(b[j]) && b[j] is not ('~' or '^'))
            {
                j++;
            }
            var tildeA = i < a.Length && a[i] == '~';
            var tildeB = j < b.Length && b[j] == '~';
            if (tildeA || tildeB)
            {
                if (!(tildeA && tildeB))
                {
                    return tildeA ? -1 : 1;
                }
                i++;
                j++;
                continue;
            }
            var caretA = i < a.Length && a[i] == '^';
            var caretB = j < b.Length && b[j] == '^';
            if (caretA || caretB)
            {
                if (i >= a.Length)
                {
                    return -1;
                }
                if (j >= b.Length)
                {
                    return 1;
                }
                if (!(caretA && caretB))
                {
                    return caretA ? -1 : 1;
                }
                i++;
                j++;
                continue;
            }
            if (i >= a.Length || j >= b.Length)
            {
                break;
            }
            var numeric = char.IsAsciiDigit(a[i]);
            var startA = i;
            var startB = j;
            while (i < a.Length && (numeric ? char.IsAsciiDigit(a[i]) : char.IsAsciiLetter(a[i])))
            {
                i++;
            }
            while (j < b.Length && (numeric ? char.IsAsciiDigit(b[j]) : char.IsAsciiLetter(b[j])))
            {
                j++;
            }
            if (startB == j)
            {
                return numeric ? 1 : -1;
            }
            var segmentA = a[startA..i];
            var segmentB = b[startB..j];
            if (numeric)
            {
                segmentA = segmentA.TrimStart('0');
                segmentB = segmentB.TrimStart('0');
                if (segmentA.Length != segmentB.Length)
                {
                    return segmentA.Length.CompareTo(segmentB.Length);
                }
            }
            var order = string.CompareOrdinal(segmentA, segmentB);
            if (order != 0)
            {
                return Math.Sign(order);
            }
        }
        var restA = i < a.Length;
        var restB = j < b.Length;
        return restA == restB ? 0 : restA ? 1 : -1;
    }
}
