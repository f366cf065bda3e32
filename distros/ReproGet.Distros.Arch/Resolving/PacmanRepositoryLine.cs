using ReproGet.Core.Errors;

namespace ReproGet.Distros.Arch.Resolving;

/// <summary>
/// One Arch source of a project file, <c>NAME SERVER</c> (<c>core https://geo.mirror.pkgbuild.com/$repo/os/$arch</c>):
/// a pacman.conf repository section and its <c>Server</c>, in which pacman substitutes <c>$repo</c> and <c>$arch</c>.
/// </summary>
public sealed record PacmanRepositoryLine(string Name, string Server)
{
    public static PacmanRepositoryLine Parse(string text)
    {
        var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2)
        {
            throw Invalid(text, "want two words: a repository name and its server");
        }
        if (words[0] == "options" || !words[0].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw Invalid(text, $"\"{Printable(words[0])}\" cannot name a pacman repository");
        }
        if (!Uri.TryCreate(words[1], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file"))
        {
            throw Invalid(text, $"\"{Printable(words[1])}\" is not an http(s) or file URL");
        }
        return new PacmanRepositoryLine(words[0], words[1]);
    }

    public string ConfigSection => $"[{Name}]\nServer = {Server}\n";

    private static ReproGetException Invalid(string text, string problem) =>
        new($"source \"{Printable(text)}\": {problem}",
            "write an Arch source as `NAME SERVER`, e.g. \"core https://geo.mirror.pkgbuild.com/$repo/os/$arch\"");

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
