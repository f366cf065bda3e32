using System.Diagnostics;

namespace ReproGet.Cli.Tests.Lock;

/// <summary>
/// The independent answer: apt-get in its own state directory (configured here with explicit Dir::State, Dir::Cache
/// and Dir::Etc keys, not repro-get's layout), an empty dpkg status, <c>install --print-uris --no-install-recommends</c>,
/// and each file's SHA-256 from <c>apt-cache show</c> of that state, matched by pool path.
/// </summary>
internal static class AptOracle
{
    public static async Task<IReadOnlySet<string>> Sha256sAsync(string directory, string source, string architecture, params string[] packages)
    {
        foreach (var sub in new[] { "lists/partial", "cache/archives/partial", "etc/sources.list.d", "etc/preferences.d", "etc/apt.conf.d", "log" })
        {
            Directory.CreateDirectory(Path.Combine(directory, sub));
        }
        File.WriteAllText(Path.Combine(directory, "status"), "");
        File.WriteAllText(Path.Combine(directory, "etc/sources.list"), source + "\n");
        var config = Path.Combine(directory, "apt.conf");
        File.WriteAllText(config, $"""
            Dir::State "{directory}";
            Dir::State::lists "{directory}/lists";
            Dir::State::status "{directory}/status";
            Dir::Cache "{directory}/cache";
            Dir::Etc "{directory}/etc";
            Dir::Etc::sourcelist "{directory}/etc/sources.list";
            Dir::Etc::sourceparts "{directory}/etc/sources.list.d";
            Dir::Etc::preferences "{directory}/etc/preferences";
            Dir::Etc::preferencesparts "{directory}/etc/preferences.d";
            Dir::Etc::parts "{directory}/etc/apt.conf.d";
            Dir::Log "{directory}/log";
            APT::Architecture "{architecture}";
            APT::Architectures "{architecture}";
            APT::Sandbox::User "root";
            Acquire::Languages "none";
            Debug::NoLocking "true";
            """);
        await AptAsync("apt-get", config, "update", "-qq");
        var uris = await AptAsync("apt-get", config, ["install", "--print-uris", "-qq", "--no-install-recommends", .. packages]);
        var paths = uris.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => Uri.UnescapeDataString(l[1..l.IndexOf('\'', 1)])).Select(u => u[(u.IndexOf("/pool/", StringComparison.Ordinal) + 1)..])
            .ToHashSet(StringComparer.Ordinal);
        var names = paths.Select(p => Path.GetFileName(p).Split('_')[0]).Distinct().ToArray();
        var show = await AptAsync("apt-cache", config, ["show", .. names]);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stanza in show.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = stanza.Split('\n').Where(l => l.Contains(": ", StringComparison.Ordinal))
                .Select(l => l.Split(": ", 2)).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1]);
            if (fields.TryGetValue("Filename", out var filename) && paths.Contains(filename))
            {
                found.Add(fields["SHA256"]);
            }
        }
        Assert.Equal(paths.Count, found.Count);
        return found;
    }

    private static async Task<string> AptAsync(string tool, string config, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["APT_CONFIG"] = config;
        info.Environment["LC_ALL"] = "C";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)}: {error}");
        return await output;
    }
}
