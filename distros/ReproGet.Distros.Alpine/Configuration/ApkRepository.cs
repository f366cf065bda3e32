using System.Security.Cryptography;
using System.Text;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Distros.Alpine.Configuration;

/// <summary>
/// One line of <c>/etc/apk/repositories</c>: <c>https://dl-cdn.alpinelinux.org/alpine/v3.16/main</c>, optionally
/// tagged (<c>@edge https://…/edge/testing</c>), or a local directory. Packages live at
/// <c>&lt;repository&gt;/&lt;arch&gt;/&lt;name&gt;-&lt;version&gt;.apk</c>.
/// </summary>
public sealed record ApkRepository(string Url, string? Tag)
{
    public const string ConfigurationPath = "/etc/apk/repositories";

    /// <summary>A directory rather than a URL (apk reads it in place).</summary>
    public bool IsLocal => !Url.Contains("://", StringComparison.Ordinal) || Url.StartsWith("file://", StringComparison.Ordinal);

    /// <summary>The repository as a URL without a trailing slash (a local directory becomes <c>file://</c>).</summary>
    public string BaseUrl => (Url.StartsWith('/') ? "file://" + Url : Url).TrimEnd('/');

    /// <summary>
    /// The last two path segments, <c>v3.16/main</c> or <c>edge/community</c>: with the architecture and file name
    /// they make the lock name, as the Go tool named files (it failed on <c>edge</c>).
    /// </summary>
    public string Release => string.Join('/', PathSegments.TakeLast(2));

    /// <summary>The provider that serves this repository's lock names: the URL above <see cref="Release"/>.</summary>
    public string MirrorProvider
    {
        get
        {
            var suffix = "/" + Release;
            var mirror = Release.Length > 0 && BaseUrl.EndsWith(suffix, StringComparison.Ordinal) ? BaseUrl[..^suffix.Length] : BaseUrl;
            return mirror + "/{{.Name}}";
        }
    }

    /// <summary>
    /// The name apk gives this repository's index in its cache: <c>APKINDEX.</c> + the first four bytes of the SHA-1
    /// of the line's URL in hex + <c>.tar.gz</c>.
    /// </summary>
    public string CachedIndexFileName =>
        $"APKINDEX.{Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(Url)).AsSpan(0, 4))}.tar.gz";

    public string IndexUrl(string architecture) => $"{BaseUrl}/{architecture}/APKINDEX.tar.gz";

    public string FileUrl(string architecture, string fileName) => $"{BaseUrl}/{architecture}/{fileName}";

    /// <summary>The lockfile name of a package file: <c>v3.16/main/x86_64/bash-5.1.16-r2.apk</c>.</summary>
    public string LockNameFor(string architecture, string fileName)
    {
        var name = Release.Length > 0 ? $"{Release}/{architecture}/{fileName}" : $"{architecture}/{fileName}";
        return LockName.Explain(name) is { } problem
            ? throw new ReproGetException($"cannot name {fileName} of repository \"{Url}\" in a lockfile: {problem}")
            : name;
    }

    public override string ToString() => Tag is null ? Url : $"@{Tag} {Url}";

    /// <summary>Parses the lines of a repositories file; blank lines and <c>#</c> comments are skipped.</summary>
    public static IReadOnlyList<ApkRepository> Parse(IEnumerable<string> lines)
    {
        var repositories = new List<ApkRepository>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            string? tag = null;
            if (line[0] == '@')
            {
                var space = line.IndexOfAny([' ', '\t']);
                if (space < 0)
                {
                    continue;
                }
                tag = line[1..space];
                line = line[space..].Trim();
            }
            if (repositories.All(r => r.Url != line))
            {
                repositories.Add(new ApkRepository(line, tag));
            }
        }
        return repositories;
    }

    private IEnumerable<string> PathSegments
    {
        get
        {
            var url = BaseUrl;
            var scheme = url.IndexOf("://", StringComparison.Ordinal);
            var afterHost = scheme < 0 ? 0 : url.IndexOf('/', scheme + 3);
            return afterHost < 0 ? [] : url[afterHost..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
