using System.Text.RegularExpressions;

namespace ReproGet.Core.Distros;

/// <summary>
/// The OCI distribution spec's image reference grammar (distribution/reference): <c>[domain[:port]/]path[:tag][@digest]</c>,
/// lower-case path components joined by <c>.</c>, <c>_</c>, <c>__</c> or dashes, a tag of at most 128 word characters,
/// a digest <c>algorithm:hex</c>. Anything else (a space, a quote, a shell metacharacter) is not an image.
/// </summary>
public static partial class ImageReference
{
    private const int MaxNameLength = 255;

    public static bool IsValid(string reference)
    {
        var match = Grammar().Match(reference);
        return match.Success && match.Groups["name"].Length <= MaxNameLength;
    }

    [GeneratedRegex("""
        ^(?<name>(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/|\[[a-fA-F0-9:]+\](?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$
        """, RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
