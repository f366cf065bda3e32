using ReproGet.Core.Errors;

namespace ReproGet.Distros.Fedora.Resolving;

/// <summary>
/// One Fedora source of a project file, <c>ID BASEURL</c> (<c>fedora https://dl.fedoraproject.org/pub/fedora/linux/releases/$releasever/Everything/$basearch/os/</c>):
/// a repository id and its baseurl, in which dnf substitutes <c>$releasever</c> and <c>$basearch</c>.
/// </summary>
public sealed record DnfRepositoryLine(string Id, string BaseUrl)
{
    public static DnfRepositoryLine Parse(string text)
    {
        var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2)
        {
            throw Invalid(text, "want two words: a repository id and its baseurl");
        }
        if (!words[0].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            throw Invalid(text, $"the repository id \"{Printable(words[0])}\" may hold only letters, digits, '-', '_', '.' and ':'");
        }
        if (!Uri.TryCreate(words[1], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file"))
        {
            throw Invalid(text, $"\"{Printable(words[1])}\" is not an http(s) or file URL");
        }
        return new DnfRepositoryLine(words[0], words[1]);
    }

    /// <summary>The <c>.repo</c> section dnf reads for this source; packages are signature-checked when installed, against the key given.</summary>
    public string RepoFileSection(string? keyring) =>
        $"[{Id}]\nname={Id}\nbaseurl={BaseUrl}\nenabled=1\ngpgcheck=1\n" + (keyring is null ? "" : $"gpgkey=file://{keyring}\n");

    private static ReproGetException Invalid(string text, string problem) =>
        new($"source \"{Printable(text)}\": {problem}",
            "write a Fedora source as `ID BASEURL`, e.g. \"fedora https://dl.fedoraproject.org/pub/fedora/linux/releases/$releasever/Everything/$basearch/os/\"");

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
