using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReproGet.Distros.Debian.Snapshot;

/// <summary>
/// Reads the snapshot API's <c>binfiles?fileinfo=1</c> answer:
/// <c>{"result":[{"hash":SHA1,"architecture":"amd64"}],"fileinfo":{SHA1:[{"name","archive_name","path","first_seen"}]}}</c>.
/// An answer that is not that shape is an error naming the URL; values are checked before they are put into URLs.
/// </summary>
internal static partial class SnapshotApiAnswer
{
    public static IReadOnlyList<SnapshotFile> Parse(byte[] json, string url)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var files = new List<SnapshotFile>();
            var fileinfo = document.RootElement.GetProperty("fileinfo");
            foreach (var result in document.RootElement.GetProperty("result").EnumerateArray())
            {
                var hash = result.GetProperty("hash").GetString() ?? "";
                var architecture = result.GetProperty("architecture").GetString() ?? "";
                if (!fileinfo.TryGetProperty(hash, out var infos))
                {
                    continue;
                }
                foreach (var info in infos.EnumerateArray())
                {
                    var name = info.GetProperty("name").GetString() ?? "";
                    var archive = info.GetProperty("archive_name").GetString() ?? "";
                    var path = (info.GetProperty("path").GetString() ?? "").Trim('/');
                    var firstSeen = info.GetProperty("first_seen").GetString() ?? "";
                    if (!SafeWord().IsMatch(archive) || !Timestamp().IsMatch(firstSeen) || !SafePath().IsMatch(path + "/" + name))
                    {
                        throw new JsonException($"unexpected values in {archive}/{path}/{name} first seen {firstSeen}");
                    }
                    files.Add(new SnapshotFile(architecture, hash, archive, path + "/" + name, firstSeen));
                }
            }
            return files;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new SnapshotRefusedException($"{url}: not a binfiles answer of the snapshot API ({e.Message})");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeWord();

    [GeneratedRegex(@"^\d{8}T\d{6}Z$", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    // pool/main/h/hello/hello_2.10-3_amd64.deb: no "..", no empty segments, no control characters.
    [GeneratedRegex(@"^pool(/[A-Za-z0-9+._~-]*[A-Za-z0-9+_~-][A-Za-z0-9+._~-]*)+\.u?deb$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePath();
}
