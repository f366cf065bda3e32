using ReproGet.Core.Errors;

namespace ReproGet.Distros.Debian.Locking;

/// <summary>A package named on the command line or by <c>hash update</c>: <c>hello</c>, <c>libc6:amd64</c>, <c>tzdata:all</c>.</summary>
public sealed record PackageRequest(string Name, string? Architecture)
{
    public static PackageRequest Parse(string text)
    {
        var colon = text.IndexOf(':');
        var name = colon < 0 ? text : text[..colon];
        var architecture = colon < 0 ? null : text[(colon + 1)..];
        if (!IsValidName(name) || architecture is { Length: 0 } || (architecture is not null && !architecture.All(IsArchitectureChar)))
        {
            throw new ReproGetException($"invalid package name \"{text}\": want NAME or NAME:ARCH (for example hello or libc6:amd64)");
        }
        return new PackageRequest(name, architecture);
    }

    /// <summary>
    /// The architectures that satisfy this request on a system whose dpkg is <paramref name="native"/>: the one asked
    /// for, or native and <c>all</c> for a bare name. A request for native or <c>all</c> accepts both, because a
    /// package may move between them from one version to the next and <c>hash update</c> asks by the old file's arch.
    /// </summary>
    public IReadOnlyList<string> Architectures(string native) =>
        Architecture is null || Architecture == native || Architecture == "all" ? [native, "all"] : [Architecture];

    public override string ToString() => Architecture is null ? Name : $"{Name}:{Architecture}";

    // Debian Policy 5.6.1: lowercase letters, digits, + - . ; at least two characters, starting alphanumeric.
    private static bool IsValidName(string name) =>
        name.Length >= 2 && (char.IsAsciiLetterLower(name[0]) || char.IsAsciiDigit(name[0]))
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '+' or '-' or '.');

    private static bool IsArchitectureChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-';
}
