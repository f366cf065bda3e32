using System.Text;
using ReproGet.Core.Errors;

namespace ReproGet.Distros.Debian.Resolving;

/// <summary>
/// A private apt state laid out as a small root (<c>etc/apt</c>, <c>var/lib/apt/lists</c>, <c>var/cache/apt</c>), so
/// apt runs with <c>Dir</c> pointing there and reads nothing of the host's configuration, sources, lists or dpkg
/// database; and so <see cref="Apt.AptListsIndex"/> reads its lists as it reads any root's. <c>APT_CONFIG</c> names
/// the <c>apt.conf</c> written here: apt reads it before anything else.
/// </summary>
public sealed class PrivateAptState
{
    private PrivateAptState(string directory) => Directory = directory;

    public string Directory { get; }

    public string ConfigFile => Path.Combine(Directory, "apt.conf");

    public string ListsDirectory => Path.Combine(Directory, "var/lib/apt/lists");

    public string EmptyStatus => Path.Combine(Directory, "var/lib/dpkg/status-empty");

    /// <summary>Touched after each successful <c>apt-get update</c>: the age of the private lists.</summary>
    public string UpdatedStamp => Path.Combine(Directory, "updated");

    public static PrivateAptState Create(string directory)
    {
        foreach (var sub in new[]
                 {
                     "etc/apt/apt.conf.d", "etc/apt/preferences.d", "etc/apt/sources.list.d", "var/lib/apt/lists/partial",
                     "var/cache/apt/archives/partial", "var/lib/dpkg", "var/log/apt",
                 })
        {
            System.IO.Directory.CreateDirectory(Path.Combine(directory, sub));
        }
        var state = new PrivateAptState(directory);
        if (!File.Exists(state.EmptyStatus))
        {
            File.WriteAllText(state.EmptyStatus, "");
        }
        return state;
    }

    /// <summary>Writes <c>sources.list</c>; a change of sources makes the lists stale.</summary>
    public bool WriteSources(IEnumerable<AptSourceLine> sources) =>
        WriteIfChanged(Path.Combine(Directory, "etc/apt/sources.list"), string.Concat(sources.Select(s => s + "\n")));

    /// <summary>The private <c>apt.conf</c> for one run.</summary>
    public void WriteConfig(string architecture, string statusFile, bool recommends, string? trustRoot)
    {
        var trust = trustRoot ?? "/";
        var text = new StringBuilder()
            .Append(Set("Dir", Directory.TrimEnd('/') + "/"))
            .Append(Set("Dir::State::status", statusFile))
            .Append(Set("Dir::Etc::Trusted", Path.Combine(trust, "etc/apt/trusted.gpg")))
            .Append(Set("Dir::Etc::TrustedParts", Path.Combine(trust, "etc/apt/trusted.gpg.d")))
            .Append(Set("APT::Architecture", architecture))
            .Append(Set("APT::Architectures", architecture))
            .Append(Set("APT::Install-Recommends", recommends ? "true" : "false"))
            .Append(Set("APT::Install-Suggests", "false"))
            // Downloads run as the invoking user: the private state is not readable by the _apt user.
            .Append(Set("APT::Sandbox::User", Environment.UserName))
            .Append(Set("Acquire::Languages", "none"))
            .Append(Set("Debug::NoLocking", "true"))
            .ToString();
        WriteIfChanged(ConfigFile, text);
    }

    public DateTimeOffset? LastUpdate =>
        File.Exists(UpdatedStamp) ? File.GetLastWriteTimeUtc(UpdatedStamp) : null;

    public void MarkUpdated() => File.WriteAllText(UpdatedStamp, DateTimeOffset.UtcNow.ToString("O") + "\n");

    public void MarkStale()
    {
        if (File.Exists(UpdatedStamp))
        {
            File.Delete(UpdatedStamp);
        }
    }

    private static string Set(string key, string value)
    {
        if (value.Contains('"') || value.Any(char.IsControl))
        {
            throw new ReproGetException($"cannot pass \"{value}\" to apt ({key}): it contains a quote or control character");
        }
        return $"{key} \"{value}\";\n";
    }

    private static bool WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return false;
        }
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
        return true;
    }
}
