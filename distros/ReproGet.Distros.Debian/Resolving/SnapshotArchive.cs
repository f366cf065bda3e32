using System.Globalization;
using ReproGet.Core.Errors;

namespace ReproGet.Distros.Debian.Resolving;

/// <summary>
/// Points a source at the distro's snapshot archive as of a time: Debian's snapshot.debian.org
/// (<c>/archive/&lt;archive&gt;/&lt;YYYYMMDDTHHMMSSZ&gt;/</c>) and Ubuntu's snapshot.ubuntu.com (<c>/&lt;archive&gt;/&lt;…&gt;/</c>).
/// A snapshot's Release file stops being "valid" a week after its date, so validity is not checked for it.
/// </summary>
public static class SnapshotArchive
{
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static AptSourceLine Apply(AptSourceLine source, DateTimeOffset time)
    {
        var uri = new Uri(source.Uri);
        var archive = uri.AbsolutePath.Trim('/');
        string? snapshot = uri.Host switch
        {
            "snapshot.debian.org" or "snapshot.ubuntu.com" => null,
            _ when uri.Host.EndsWith("debian.org", StringComparison.Ordinal) && archive.Length > 0 && !archive.Contains('/')
                => $"http://snapshot.debian.org/archive/{archive}/{Timestamp(time)}/",
            "archive.ubuntu.com" or "security.ubuntu.com" or "ports.ubuntu.com" when archive.Length > 0 && !archive.Contains('/')
                => $"http://snapshot.ubuntu.com/{archive}/{Timestamp(time)}/",
            _ => throw new ReproGetException($"snapshot: no snapshot archive is known for {source.Uri}",
                "remove `snapshot` and write the snapshot URL in the source yourself, or use a deb.debian.org / archive.ubuntu.com source"),
        };
        if (snapshot is null)
        {
            return source.WithOption("check-valid-until", "no");
        }
        return (source with { Uri = snapshot }).WithOption("check-valid-until", "no");
    }
}
