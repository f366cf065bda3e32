using System.Globalization;
using System.Text;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Providers;

/// <summary>
/// A provider string such as <c>http://deb.debian.org/debian/{{.Name}}</c>, parsed once and rendered per entry.
/// It understands the Go tool's template vocabulary: <c>.Name .Basename .SHA256 .CID .Epoch</c>, the package
/// fields <c>.Dpkg.* .RPM.* .APK.* .Pacman.*</c> and the functions <c>timeToDebianSnapshot</c> and <c>timeToInt</c>.
/// An entry lacking what the template needs (no CID, no epoch) makes the provider decline for that entry only.
/// </summary>
public sealed class ProviderTemplate
{
    private readonly IReadOnlyList<TemplatePart> _parts;

    private ProviderTemplate(string raw, IReadOnlyList<TemplatePart> parts)
    {
        Raw = raw;
        _parts = parts;
    }

    public string Raw { get; }

    public string Scheme { get; private init; } = "";

    /// <summary>Parses a provider; throws with the reason when it can never render a usable URL.</summary>
    public static ProviderTemplate Parse(string raw)
    {
        var parts = TemplateParser.Parse(raw);
        var colon = raw.IndexOf("://", StringComparison.Ordinal);
        var scheme = colon > 0 ? raw[..colon].ToLowerInvariant() : "";
        if (scheme.Length == 0)
        {
            throw new ReproGetException($"invalid provider \"{raw}\": want a URL such as http://HOST/debian/{{{{.Name}}}}");
        }
        var isOci = OciSchemes.Contains(scheme);
        if (!isOci && parts.All(p => p is LiteralPart))
        {
            throw new ReproGetException($"invalid provider \"{raw}\": it names no file (add {{{{.Name}}}}, {{{{.Basename}}}} or {{{{.SHA256}}}})");
        }
        return new ProviderTemplate(raw, parts) { Scheme = scheme };
    }

    /// <summary>Renders the URL for <paramref name="entry"/>, or returns false with why this provider cannot serve it.</summary>
    public bool TryRender(LockEntry entry, out string url, out string declineReason)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            if (!part.TryRender(entry, text, out declineReason))
            {
                url = "";
                return false;
            }
        }
        url = text.ToString();
        declineReason = "";
        return true;
    }

    /// <summary>The URL with any password replaced, for messages and logs.</summary>
    public static string Redact(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.UserInfo.Contains(':'))
        {
            return url;
        }
        var user = uri.UserInfo[..uri.UserInfo.IndexOf(':')];
        return new UriBuilder(uri) { UserName = user, Password = "xxxxx" }.Uri.ToString();
    }

    public override string ToString() => Raw;

    internal static string FormatSnapshotTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
